/** The address gazetteer's store on both dialects (a file of its own, so it runs without the whole store suite). */
import { runGazetteerContract } from './gazetteer-contract.js';

runGazetteerContract('sqlite');
runGazetteerContract('postgres');
