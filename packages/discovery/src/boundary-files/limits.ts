/**
 * How large a boundary file may be. The whole file is held in memory (a JSON
 * document must be one string, and V8 strings stop just short of 512 MiB), so
 * the limits keep an import from exhausting the process; a feature with more
 * vertices than a country's detailed coastline would also make every lookup
 * that touches it slow. Measured: a 471 MiB GeoJSON of 100,000 features and
 * 12.5 million vertices imports in 26 s with 3.3 GB of memory at its peak,
 * within Node's default heap.
 */
import { BoundaryFileError } from './errors.js';

export interface BoundaryFileLimits {
  /** Bytes of the file, and of a zip's shapefiles once unpacked. */
  maxBytes: number;
  maxFeatures: number;
  maxVerticesPerFeature: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: BoundaryFileLimits = {
  maxBytes: 512 * MIB,
  maxFeatures: 100_000,
  maxVerticesPerFeature: 1_000_000,
};

/** `512 MiB`, `3.5 KiB`, `12 bytes`. */
export function formatBytes(n: number): string {
  if (n >= MIB) return `${+(n / MIB).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** Refuses a file (or an upload) larger than the limit, before it is read. */
export function checkFileSize(bytes: number, limits: BoundaryFileLimits): void {
  if (bytes > limits.maxBytes) {
    throw new BoundaryFileError(`the file is ${formatBytes(bytes)}, more than the ${formatBytes(limits.maxBytes)} a boundary file may be`);
  }
}

/** The limits in words, for help texts. */
export const describeLimits = (limits: BoundaryFileLimits): string =>
  `${formatBytes(limits.maxBytes)} per file (and per zip once unpacked), ${limits.maxFeatures} features, ${limits.maxVerticesPerFeature} vertices per feature`;
