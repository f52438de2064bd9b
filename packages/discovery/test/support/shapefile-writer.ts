/**
 * Writes small shapefiles for tests (ESRI Shapefile Technical Description,
 * 1998): polygon or polyline shapes in a .shp and .shx, text attributes in a
 * .dbf, the .prj given, zipped with fflate. Only what the tests need.
 */
import { zipSync } from 'fflate';

export type ShapeKind = 'polygon' | 'polyline';
/** The parts (rings or lines) of one shape, each a list of [x, y]. */
export type Shape = readonly (readonly (readonly [number, number])[])[];

export interface ShapefileLayer {
  /** The file names without extension, e.g. `counties`. */
  name: string;
  kind: ShapeKind;
  shapes: readonly Shape[];
  /** One record per shape; every record has the same keys (text fields). */
  records: readonly Record<string, string>[];
  /** The .prj text; omitted: no .prj in the zip. */
  prj?: string;
  /** Leave the .dbf out. */
  noDbf?: boolean;
}

const TYPE: Record<ShapeKind, number> = { polygon: 5, polyline: 3 };

function header(view: DataView, kind: ShapeKind, fileBytes: number, box: number[]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, TYPE[kind], true);
  box.forEach((v, i) => view.setFloat64(36 + i * 8, v, true));
}

function boxOf(points: readonly (readonly [number, number])[]): number[] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return points.length ? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] : [0, 0, 0, 0];
}

/** The .shp and .shx of the shapes. */
export function shpAndShx(kind: ShapeKind, shapes: readonly Shape[]): { shp: Uint8Array; shx: Uint8Array } {
  const contents = shapes.map((parts) => 44 + parts.length * 4 + parts.reduce((n, p) => n + p.length, 0) * 16);
  const shpBytes = 100 + contents.reduce((n, c) => n + 8 + c, 0);
  const shp = new DataView(new ArrayBuffer(shpBytes));
  const shx = new DataView(new ArrayBuffer(100 + shapes.length * 8));
  const all = shapes.flatMap((parts) => parts.flat());
  header(shp, kind, shpBytes, boxOf(all));
  header(shx, kind, shx.byteLength, boxOf(all));
  let offset = 100;
  shapes.forEach((parts, i) => {
    const points = parts.flat();
    shx.setInt32(100 + i * 8, offset / 2, false);
    shx.setInt32(104 + i * 8, contents[i]! / 2, false);
    shp.setInt32(offset, i + 1, false);
    shp.setInt32(offset + 4, contents[i]! / 2, false);
    const c = offset + 8;
    shp.setInt32(c, TYPE[kind], true);
    boxOf(points).forEach((v, k) => shp.setFloat64(c + 4 + k * 8, v, true));
    shp.setInt32(c + 36, parts.length, true);
    shp.setInt32(c + 40, points.length, true);
    let start = 0;
    parts.forEach((part, k) => {
      shp.setInt32(c + 44 + k * 4, start, true);
      start += part.length;
    });
    const p0 = c + 44 + parts.length * 4;
    points.forEach(([x, y], k) => {
      shp.setFloat64(p0 + k * 16, x, true);
      shp.setFloat64(p0 + k * 16 + 8, y, true);
    });
    offset += 8 + contents[i]!;
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

/** A dBASE III table of text fields, as wide as their longest value (UTF-8). */
export function dbf(records: readonly Record<string, string>[]): Uint8Array {
  const enc = new TextEncoder();
  const fields = Object.keys(records[0] ?? {});
  const widths = fields.map((f) => Math.max(1, ...records.map((r) => enc.encode(r[f] ?? '').length)));
  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const bytes = new Uint8Array(headerLength + records.length * recordLength + 1).fill(0x20, headerLength);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes.set([125, 1, 1], 1);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + i * 32;
    bytes.fill(0, at, at + 32);
    bytes.set(enc.encode(f).slice(0, 10), at);
    bytes[at + 11] = 'C'.charCodeAt(0);
    bytes[at + 16] = widths[i]!;
  });
  bytes[headerLength - 1] = 0x0d;
  records.forEach((r, k) => {
    let at = headerLength + k * recordLength + 1;
    fields.forEach((f, i) => {
      bytes.set(enc.encode(r[f] ?? ''), at);
      at += widths[i]!;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/** A zip of the layers' .shp, .shx, .dbf, .prj (and `extra` files as they are). */
export function shapefileZip(layers: readonly ShapefileLayer[], extra: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { ...extra };
  for (const layer of layers) {
    const { shp, shx } = shpAndShx(layer.kind, layer.shapes);
    files[`${layer.name}.shp`] = shp;
    files[`${layer.name}.shx`] = shx;
    if (!layer.noDbf) files[`${layer.name}.dbf`] = dbf(layer.records);
    if (layer.prj !== undefined) files[`${layer.name}.prj`] = new TextEncoder().encode(layer.prj);
  }
  return zipSync(files);
}

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** NAD 83 / UTM zone 15N (EPSG:26915), metres, as ESRI writes it. */
export const UTM_15N_PRJ =
  'PROJCS["NAD_1983_UTM_Zone_15N",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-93.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
