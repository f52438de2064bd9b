/**
 * Boundary files to registry boundaries: GeoJSON, TopoJSON or a zipped
 * shapefile (told apart by their content, not their name), every feature
 * checked before any is returned, so an import takes the whole file or
 * nothing. Works on bytes, for the CLI's files and the admin's uploads alike.
 */
import type { Tier } from '@o311/georeport';
import type { NewBoundary } from '@o311/store';
import { BoundaryFileError, reason } from './boundary-files/errors.js';
import { geoJsonFeatures } from './boundary-files/geojson.js';
import { checkFileSize, DEFAULT_LIMITS, type BoundaryFileLimits } from './boundary-files/limits.js';
import { shapefileZipFeatures } from './boundary-files/shapefile-zip.js';
import { isRecord, type SourceFeature } from './boundary-files/source-feature.js';
import { toBoundaries } from './boundary-files/to-boundaries.js';
import { topologyFeatures } from './boundary-files/topojson.js';

export { BoundaryFileError } from './boundary-files/errors.js';
export { checkFileSize, DEFAULT_LIMITS, describeLimits, type BoundaryFileLimits } from './boundary-files/limits.js';
export { slugify } from './boundary-files/slug.js';

export type BoundaryFileFormat = 'geojson' | 'topojson' | 'shapefile';

export interface BoundaryFileOptions {
  /** The file's name (a path is fine): names a lone unnamed feature, and the file in messages. */
  fileName: string;
  tier: Tier;
  /** Where the boundaries come from and under which licence. */
  source: string;
  approximate?: boolean;
  idField?: string;
  nameField?: string;
  /** The TopoJSON object, or the shapefile in a zip of several, to read (default: all). */
  object?: string;
  limits?: Partial<BoundaryFileLimits>;
  progress?: (done: number, total: number) => void;
}

export interface BoundaryFile {
  format: BoundaryFileFormat;
  boundaries: NewBoundary[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const isZip = (bytes: Uint8Array): boolean => ZIP_MAGIC.every((b, i) => bytes[i] === b);

/** `riverton` for `/data/riverton.geojson`. */
const stem = (fileName: string): string => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || fileName;

function parseJson(bytes: Uint8Array): unknown {
  let textOf: string;
  try {
    textOf = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    // V8 strings end just short of 512 MiB.
    if (e instanceof RangeError) throw new BoundaryFileError('the file is too large to read as one JSON text', { cause: e });
    throw new BoundaryFileError('the file is neither a zip nor UTF-8 JSON text', { cause: e });
  }
  try {
    return JSON.parse(textOf);
  } catch (e) {
    throw new BoundaryFileError(`the file is neither a zip nor JSON: ${reason(e)}`, { cause: e });
  }
}

function featuresOf(bytes: Uint8Array, options: BoundaryFileOptions, limits: BoundaryFileLimits): [BoundaryFileFormat, SourceFeature[]] {
  if (isZip(bytes)) return ['shapefile', shapefileZipFeatures(bytes, limits, options.object)];
  const doc = parseJson(bytes);
  if (isRecord(doc) && doc.type === 'Topology') return ['topojson', topologyFeatures(doc, options.object)];
  if (options.object !== undefined) throw new BoundaryFileError('--object names a TopoJSON object or a shapefile in a zip; this file is GeoJSON');
  return ['geojson', geoJsonFeatures(doc)];
}

/** The boundaries of a file, or a BoundaryFileError naming the first feature (or part of the file) that is wrong. */
export async function readBoundaryFile(bytes: Uint8Array, options: BoundaryFileOptions): Promise<BoundaryFile> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  checkFileSize(bytes.length, limits);
  const [format, features] = featuresOf(bytes, options, limits);
  const boundaries = toBoundaries(features, {
    tier: options.tier,
    source: options.source,
    approximate: options.approximate ?? false,
    idField: options.idField,
    nameField: options.nameField,
    soleName: stem(options.fileName),
    limits,
    progress: options.progress,
  });
  return { format, boundaries };
}
