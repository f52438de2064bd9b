export { BoundaryIndex, type IndexedBoundary } from './boundary-index.js';
export { usBoundaries, worldBoundaries, type AtlasBoundary } from './atlas-boundaries.js';
export { RegistryLookup, type LookupHit, type LookupOptions } from './registry-lookup.js';
