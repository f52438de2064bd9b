export { BoundaryIndex, type IndexedBoundary } from './boundary-index.js';
export { usBoundaries, worldBoundaries, type AtlasBoundary } from './atlas-boundaries.js';
export { RegistryLookup, type LookupHit, type LookupOptions } from './registry-lookup.js';
export {
  readBoundaryFile,
  BoundaryFileError,
  checkFileSize as checkBoundaryFileSize,
  DEFAULT_LIMITS as BOUNDARY_FILE_LIMITS,
  describeLimits as describeBoundaryFileLimits,
  slugify,
  type BoundaryFile,
  type BoundaryFileFormat,
  type BoundaryFileLimits,
  type BoundaryFileOptions,
} from './boundary-file.js';
export { checkEndpoint, summaryLine, type CheckOptions } from './endpoint-check.js';
export { seedRegistry, registrySeed, type SeedEntries, type SeedOptions, type SeedReport, type SeedTally } from './seed.js';
export { interiorPoint } from './interior-point.js';
