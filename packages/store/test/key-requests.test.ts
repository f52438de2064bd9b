/** Developers' key requests on both dialects (a file of its own, so it runs without the whole store suite). */
import { runKeyRequestsContract } from './key-requests-contract.js';

runKeyRequestsContract('sqlite');
runKeyRequestsContract('postgres');
