/**
 * Boundary geometry: GeoJSON (Multi)Polygons in WGS 84 longitude/latitude,
 * checked once when they enter the registry so that lookups can trust them.
 * Holes are kept (the rings after a polygon's first); a Polygon is stored as
 * a MultiPolygon of one.
 */
export type Position = readonly [number, number];
export type Ring = readonly Position[];
export type Polygon = readonly Ring[];
export type MultiPolygon = readonly Polygon[];

/** `[minLong, minLat, maxLong, maxLat]` */
export type BBox = readonly [number, number, number, number];

/** A geometry that cannot be a boundary; `where` names the polygon and ring. */
export class GeometryError extends Error {
  constructor(
    readonly problem: string,
    readonly where: string,
  ) {
    super(where === '' ? problem : `${where}: ${problem}`);
    this.name = 'GeometryError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function position(value: unknown, where: string): Position {
  if (!Array.isArray(value) || value.length < 2) throw new GeometryError('a position must be [longitude, latitude]', where);
  const [long, lat] = value as unknown[];
  if (typeof long !== 'number' || typeof lat !== 'number' || !Number.isFinite(long) || !Number.isFinite(lat)) {
    throw new GeometryError('a coordinate is not a finite number', where);
  }
  if (long < -180 || long > 180 || lat < -90 || lat > 90) {
    throw new GeometryError(
      `the position [${long}, ${lat}] is outside longitude -180..180 and latitude -90..90 (is the file in WGS 84 longitude/latitude?)`,
      where,
    );
  }
  return [long, lat];
}

function ring(value: unknown, where: string): Ring {
  if (!Array.isArray(value)) throw new GeometryError('a ring must be a list of positions', where);
  const positions = value.map((p, i) => position(p, `${where}, position ${i + 1}`));
  if (positions.length < 4) throw new GeometryError(`a ring needs at least 4 positions (it has ${positions.length})`, where);
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new GeometryError('the ring is not closed: its last position must repeat its first', where);
  }
  return positions;
}

function polygon(value: unknown, where: string): Polygon {
  if (!Array.isArray(value) || value.length === 0) throw new GeometryError('a polygon must be a non-empty list of rings', where);
  const [outer, ...holes] = value.map((r, i) => ring(r, `${where}${i === 0 ? 'outer ring' : `hole ${i}`}`));
  // A hole without area (one repeated point, or collinear points, as real data has) takes nothing out of the
  // polygon, but its "edge" would cover a point that may even lie outside the outer ring.
  return [outer!, ...holes.filter((h) => ringArea(h) > 0)];
}

/**
 * The boundary of a GeoJSON geometry, or a GeometryError saying what is wrong
 * with it: not a (Multi)Polygon, an unclosed or too short ring, a coordinate
 * that is not WGS 84 longitude/latitude.
 */
export function toMultiPolygon(geometry: unknown): MultiPolygon {
  if (!isRecord(geometry)) throw new GeometryError('the feature has no geometry', '');
  const { type, coordinates } = geometry;
  if (type === 'Polygon') return [polygon(coordinates, '')];
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) throw new GeometryError('a MultiPolygon needs at least one polygon', '');
    return coordinates.map((p, i) => polygon(p, `polygon ${i + 1}, `));
  }
  throw new GeometryError(`a ${String(type)} is not a polygon: a boundary must be a Polygon or a MultiPolygon`, '');
}

export function ringBBox(r: Ring): BBox {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of r) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

export function bboxOf(mp: MultiPolygon): BBox {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of mp) {
    const [a, b, c, d] = ringBBox(p[0]!);
    minX = Math.min(minX, a);
    minY = Math.min(minY, b);
    maxX = Math.max(maxX, c);
    maxY = Math.max(maxY, d);
  }
  return [minX, minY, maxX, maxY];
}

/** Shoelace area of a ring, in square degrees (only to order boundaries by size). */
function ringArea(r: Ring): number {
  let sum = 0;
  for (let i = 1; i < r.length; i++) sum += r[i - 1]![0] * r[i]![1] - r[i]![0] * r[i - 1]![1];
  return Math.abs(sum) / 2;
}

/** Outer rings less their holes, in square degrees: enough to tell a smaller boundary from a larger one. */
export function planarArea(mp: MultiPolygon): number {
  let area = 0;
  for (const p of mp) p.forEach((r, i) => (area += i === 0 ? ringArea(r) : -ringArea(r)));
  return Math.max(0, area);
}
