import { engines } from './engines.js';
import { runJobQueueContract } from './contract.js';
import { runJobQueueProcessContract } from './contract-processes.js';

runJobQueueContract(engines.postgres);
runJobQueueProcessContract(engines.postgres);
