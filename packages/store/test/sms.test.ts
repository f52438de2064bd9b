/** The SMS channel's records on both dialects (a file of its own, so it runs without the whole store suite). */
import { runSmsContract } from './sms-contract.js';

runSmsContract('sqlite');
runSmsContract('postgres');
