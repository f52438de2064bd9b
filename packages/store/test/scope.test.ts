/** The jurisdiction-scope contract on both dialects. */
import { dialects } from '../../../test-support/databases.js';
import { runScopeContract } from './scope-contract.js';

for (const dialect of dialects) runScopeContract(dialect);
