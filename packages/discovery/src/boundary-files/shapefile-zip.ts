/**
 * The features of a zipped shapefile (.shp with its .dbf and .prj; several
 * shapefiles are several layers). shpjs reads the shapes and attributes and
 * reprojects the coordinates from the .prj to WGS 84 with proj4; fflate
 * unzips (bounded: a zip bomb is refused before it is unpacked). A shapefile
 * without a .prj is refused: its coordinates could be in any system.
 */
import { basename, extname } from 'node:path';
import { unzipSync } from 'fflate';
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { BoundaryFileError, reason } from './errors.js';
import { formatBytes, type BoundaryFileLimits } from './limits.js';
import type { SourceFeature } from './source-feature.js';

const PARTS = ['shp', 'dbf', 'prj', 'cpg'] as const;
type Part = (typeof PARTS)[number];

interface Layer {
  name: string;
  files: Partial<Record<Part, { name: string; bytes: Uint8Array }>>;
}

const isPart = (ext: string): ext is Part => (PARTS as readonly string[]).includes(ext);

/**
 * Every shapefile part in the zip, by layer (the file name without folder and
 * extension). The sizes the zip declares are checked before anything is
 * unpacked; fflate never unpacks an entry beyond its declared size.
 */
function unpack(bytes: Uint8Array, limits: BoundaryFileLimits): Map<string, Layer> {
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name.includes('__MACOSX') || !isPart(extname(entry.name).slice(1).toLowerCase())) return false;
        declared += entry.originalSize;
        if (declared > limits.maxBytes) throw new BoundaryFileError(`the zip's shapefiles unpack to more than ${formatBytes(limits.maxBytes)}`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof BoundaryFileError) throw e;
    throw new BoundaryFileError(`the zip cannot be read: ${reason(e)}`, { cause: e });
  }
  const layers = new Map<string, Layer>();
  for (const [path, content] of Object.entries(files)) {
    const ext = extname(path).slice(1).toLowerCase() as Part;
    const name = basename(path, extname(path));
    const layer = layers.get(name.toLowerCase()) ?? { name, files: {} };
    layer.files[ext] = { name: basename(path), bytes: content };
    layers.set(name.toLowerCase(), layer);
  }
  return layers;
}

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : new TextDecoder().decode(bytes).trim());

function layerFeatures(layer: Layer, label: string | undefined): SourceFeature[] {
  const { shp, dbf, prj, cpg } = layer.files;
  if (shp === undefined) throw new BoundaryFileError(`${layer.name}: there is a .${Object.keys(layer.files)[0]} but no ${layer.name}.shp`);
  if (prj === undefined) {
    throw new BoundaryFileError(`${shp.name} has no .prj beside it, so its coordinate system is unknown: add the .prj that came with the data`);
  }
  if (dbf === undefined) throw new BoundaryFileError(`${shp.name} has no .dbf beside it (the attributes that name each boundary)`);
  const wkt = text(prj.bytes)!;
  try {
    proj4(wkt);
  } catch (e) {
    throw new BoundaryFileError(`${prj.name} is not a coordinate system proj4 can read: ${reason(e)}`, { cause: e });
  }
  let shapes: ReturnType<typeof parseShp>;
  let records: ReturnType<typeof parseDbf>;
  try {
    shapes = parseShp(shp.bytes, wkt);
  } catch (e) {
    throw new BoundaryFileError(`${shp.name} cannot be read: ${reason(e)}`, { cause: e });
  }
  try {
    records = parseDbf(dbf.bytes, text(cpg?.bytes));
  } catch (e) {
    throw new BoundaryFileError(`${dbf.name} cannot be read: ${reason(e)}`, { cause: e });
  }
  if (records.length !== shapes.length) {
    throw new BoundaryFileError(`${shp.name} holds ${shapes.length} shapes but ${dbf.name} ${records.length} records`);
  }
  return shapes.map((geometry, i) => ({ layer: label, index: i + 1, id: undefined, properties: records[i] ?? {}, geometry }));
}

export function shapefileZipFeatures(bytes: Uint8Array, limits: BoundaryFileLimits, layerName?: string): SourceFeature[] {
  const layers = unpack(bytes, limits);
  const shapefiles = [...layers.values()].filter((l) => l.files.shp !== undefined);
  if (layers.size === 0 || (shapefiles.length === 0 && layerName === undefined)) throw new BoundaryFileError('the zip holds no shapefile (.shp)');
  let chosen = shapefiles;
  if (layerName !== undefined) {
    const layer = layers.get(layerName.toLowerCase());
    if (layer === undefined) {
      throw new BoundaryFileError(`the zip has no shapefile "${layerName}" (it has ${shapefiles.map((l) => `"${l.name}"`).join(', ') || 'none'})`);
    }
    chosen = [layer];
  }
  // Parts without their .shp (a stray .prj) are left alone unless asked for by name.
  return chosen.flatMap((l) => layerFeatures(l, chosen.length > 1 ? l.name : undefined));
}
