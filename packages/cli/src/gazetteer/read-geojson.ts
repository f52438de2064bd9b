/**
 * A gazetteer GeoJSON (WGS 84): a FeatureCollection (or one Feature) of
 * Points, each an address point (or a street point without a number) with
 * its fields as properties (GAZETTEER_COLUMNS), and LineStrings or
 * MultiLineStrings, each a street placed at the point halfway along it.
 */
import { CliError } from '../errors.js';
import { addRow, emptyRows, fieldColumns, type GazetteerField, type GazetteerRows } from './rows.js';

type Position = [number, number];

interface Feature {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

/** The point halfway along the lines' total length (planar in degrees: fine for one street). */
function halfway(lines: Position[][]): Position | undefined {
  const segments: Array<[Position, Position, number]> = [];
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1] as Position;
      const b = line[i] as Position;
      segments.push([a, b, Math.hypot(b[0] - a[0], b[1] - a[1])]);
    }
  }
  const total = segments.reduce((s, [, , d]) => s + d, 0);
  if (segments.length === 0) return lines.find((l) => l.length > 0)?.[0];
  let left = total / 2;
  for (const [a, b, d] of segments) {
    if (left <= d) {
      const f = d === 0 ? 0 : left / d;
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    left -= d;
  }
  return segments.at(-1)?.[1];
}

function linesOf(geometry: { type?: unknown; coordinates?: unknown }): Position[][] | undefined {
  const c = geometry.coordinates;
  const line = (l: unknown): Position[] | undefined => (Array.isArray(l) && l.every(isPosition) ? (l as Position[]) : undefined);
  if (geometry.type === 'LineString') {
    const l = line(c);
    return l && [l];
  }
  if (geometry.type === 'MultiLineString' && Array.isArray(c)) {
    const ls = c.map(line);
    return ls.every((l) => l !== undefined) ? (ls as Position[][]) : undefined;
  }
  return undefined;
}

export function readGazetteerGeoJson(text: string, maxRows: number): GazetteerRows {
  let doc: { type?: unknown; features?: unknown } & Feature;
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (e) {
    throw new CliError(`not JSON: ${(e as Error).message}`, { cause: e });
  }
  const features = doc?.type === 'FeatureCollection' && Array.isArray(doc.features) ? (doc.features as Feature[]) : doc?.type === 'Feature' ? [doc] : undefined;
  if (features === undefined) throw new CliError('not a GeoJSON FeatureCollection or Feature');
  if (features.length > maxRows) throw new CliError(`more than ${maxRows} features (the most one import takes)`);
  const out = emptyRows();
  features.forEach((f, i) => {
    const where = `feature ${i + 1}`;
    const properties = Object.entries(f?.properties ?? {});
    const values: Partial<Record<GazetteerField, unknown>> = {};
    for (const [field, i] of fieldColumns(properties.map(([k]) => k))) values[field] = properties[i]?.[1];
    const g = f?.geometry;
    if (g?.type === 'Point' && isPosition(g.coordinates)) {
      addRow(out, where, { ...values, long: g.coordinates[0], lat: g.coordinates[1] });
      return;
    }
    const lines = g ? linesOf(g) : undefined;
    const mid = lines && halfway(lines);
    if (mid) {
      addRow(out, where, { street: values.street, long: mid[0], lat: mid[1] });
      return;
    }
    out.rows++;
    out.problems.push({ where, message: `a ${typeof g?.type === 'string' ? g.type : 'feature without geometry'} is neither a Point nor a LineString with coordinates` });
  });
  return out;
}
