/** The dashboard's store on both dialects (a file of its own, so it runs without the whole store suite). */
import { runDashboardContract } from './dashboard-contract.js';

runDashboardContract('sqlite');
runDashboardContract('postgres');
