/** Harvesting any Open311 endpoint's requests into a local mirror, incrementally and politely (issue 13). */
export { harvest, type HarvestRun, type HarvestOutcome, type HarvestSink } from './harvest.js';
export { HARVEST_DEFAULTS, resolveHarvestOptions, type HarvestOptions, type ResolvedHarvestOptions } from './options.js';
export { parseCursor, formatCursor, freshCursor, type HarvestCursor, type Sweep, type SweepAxis } from './cursor.js';
export { toFact, statusOf, type AreaOf, type FactContext } from './fact.js';
export type { HarvestTarget } from './target.js';
export { systemClock, type Clock } from './clock.js';
