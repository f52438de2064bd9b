/** Citizen accounts on both dialects (a file of its own, so it runs without the whole store suite). */
import { runCitizensContract } from './citizens-contract.js';

runCitizensContract('sqlite');
runCitizensContract('postgres');
