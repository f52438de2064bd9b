/** The monitor's store and the validator runs on both dialects (a file of its own, so it runs without the whole store suite). */
import { runMonitorContract } from './monitor-contract.js';
import { runValidationRunsContract } from './validation-runs-contract.js';

runMonitorContract('sqlite');
runMonitorContract('postgres');
runValidationRunsContract('sqlite');
runValidationRunsContract('postgres');
