/**
 * The demo's own boundaries for the discovery registry: Riverton's outline
 * (around every place its requests fall), and a fictional county and state
 * around it. They lie on real land (Riverton sits on Des Moines, in Polk
 * County, Iowa), so the real county, state and country of the discovery seed
 * cover the same points.
 */
import type { MultiPolygon, Position } from '@o311/georeport';
import { NEIGHBOURHOODS, toLatLong } from './city.js';

/** Beyond the farthest request of a neighbourhood (its requests stay within its radius east–west and north–south, plus a street setback). */
const OUTLINE_MARGIN_M = 300;

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
const point = (x: number, y: number): Position => {
  const { lat, long } = toLatLong(x, y);
  return [round5(long), round5(lat)];
};

const cross = (o: Position, a: Position, b: Position): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The convex hull, counter-clockwise and closed (Andrew's monotone chain). */
function hull(points: readonly Position[]): Position[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const half = (list: readonly Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const ring = [...half(sorted), ...half([...sorted].reverse())];
  return [...ring, ring[0]!];
}

/** Riverton: the hull of its neighbourhoods' squares, each widened by a margin, so that every demo request lies inside. */
export function rivertonOutline(): MultiPolygon {
  const points: Position[] = [];
  for (const h of NEIGHBOURHOODS) {
    const r = h.radius + OUTLINE_MARGIN_M;
    for (const [dx, dy] of [[-r, -r], [r, -r], [r, r], [-r, r]] as const) points.push(point(h.x + dx, h.y + dy));
  }
  return [[hull(points)]];
}

/** Tallgrass County: a block of townships around Riverton, with a jog on its east side (metres from City Hall). */
export function countyOutline(): MultiPolygon {
  const corners: [number, number][] = [
    [-22_000, -16_000], [18_000, -16_000], [18_000, 4_000], [23_000, 4_000], [23_000, 20_000], [-22_000, 20_000],
  ];
  const ring = corners.map(([x, y]) => point(x, y));
  return [[[...ring, ring[0]!]]];
}

/** The State of Prairie: a wide stretch of the Midwest around the county (longitude, latitude). */
export function stateOutline(): MultiPolygon {
  return [[[[-96.1, 40.7], [-90.7, 40.7], [-90.5, 41.6], [-91.1, 43.2], [-95.8, 43.2], [-96.3, 42.1], [-96.1, 40.7]]]];
}
