/** Moderation's store on both dialects (a file of its own, so it runs without the whole store suite). */
import { runModerationContract } from './moderation-contract.js';

runModerationContract('sqlite');
runModerationContract('postgres');
