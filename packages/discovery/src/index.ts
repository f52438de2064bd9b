export { BoundaryIndex, type IndexedBoundary } from './boundary-index.js';
export { usBoundaries, worldBoundaries, type AtlasBoundary } from './atlas-boundaries.js';
