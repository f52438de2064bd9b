/** The e-mail intake's records on both dialects (a file of its own, so it runs without the whole store suite). */
import { runMailIntakeContract } from './mail-intake-contract.js';

runMailIntakeContract('sqlite');
runMailIntakeContract('postgres');
