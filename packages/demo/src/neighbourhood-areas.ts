/**
 * Riverton's neighbourhoods as outlines, for the dashboard's areas: a power
 * diagram of the neighbourhood centres (a Voronoi partition where each centre
 * counts by its radius, so a large neighbourhood reaches further than a small
 * neighbour), clipped to the city's box. The seeder places a neighbourhood's
 * reports around its centre within its radius, so nearly all fall in their own
 * neighbourhood's outline (test/neighbourhood-areas.test.ts measures the share).
 */
import type { DashboardAreaShape, Store } from '@o311/store';
import { DEMO_JURISDICTION, NEIGHBOURHOODS, toLatLong } from './city.js';

/** Beyond the farthest neighbourhood edge, metres (as the city outline's margin). */
const BOX_MARGIN_M = 300;

type Point = readonly [number, number];

/** The part of a convex polygon where a·p <= b (Sutherland–Hodgman, one edge). */
function clip(polygon: readonly Point[], a: Point, b: number): Point[] {
  const side = (p: Point) => a[0] * p[0] + a[1] * p[1] - b;
  const out: Point[] = [];
  polygon.forEach((p, i) => {
    const q = polygon[(i + 1) % polygon.length]!;
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

/** The area ids: the names as URL-safe slugs. */
export const neighbourhoodAreaId = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Each neighbourhood's outline in metres east and north of City Hall, counter-clockwise, not closed. */
export function neighbourhoodCells(): Point[][] {
  const minX = Math.min(...NEIGHBOURHOODS.map((h) => h.x - h.radius)) - BOX_MARGIN_M;
  const maxX = Math.max(...NEIGHBOURHOODS.map((h) => h.x + h.radius)) + BOX_MARGIN_M;
  const minY = Math.min(...NEIGHBOURHOODS.map((h) => h.y - h.radius)) - BOX_MARGIN_M;
  const maxY = Math.max(...NEIGHBOURHOODS.map((h) => h.y + h.radius)) + BOX_MARGIN_M;
  const box: Point[] = [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY]];
  return NEIGHBOURHOODS.map((h) => {
    let cell = box;
    for (const o of NEIGHBOURHOODS) {
      if (o === h) continue;
      // Closer in power: |p−c_h|² − r_h² <= |p−c_o|² − r_o², a half-plane.
      const a: Point = [2 * (o.x - h.x), 2 * (o.y - h.y)];
      const b = o.x ** 2 + o.y ** 2 - o.radius ** 2 - (h.x ** 2 + h.y ** 2 - h.radius ** 2);
      cell = clip(cell, a, b);
    }
    return cell;
  });
}

/** The outlines as dashboard areas (GeoJSON MultiPolygon coordinates, long/lat to 6 decimals). */
export function neighbourhoodAreas(): DashboardAreaShape[] {
  return neighbourhoodCells().map((cell, i) => {
    const h = NEIGHBOURHOODS[i]!;
    const ring = cell.map(([x, y]) => {
      const { lat, long } = toLatLong(x, y);
      return [long, lat];
    });
    return { id: neighbourhoodAreaId(h.name), name: h.name, geometry: [[[...ring, ring[0]!]]] };
  });
}

/** What the dashboard calls Riverton's areas. */
export const NEIGHBOURHOOD_AREA_LABEL = 'Neighbourhood';

/**
 * Riverton's dashboard source with its neighbourhoods as areas. The server's
 * dashboard sync fills a source it has never synced from the requests.
 */
export async function seedDemoAreas(store: Store, now: number): Promise<void> {
  const source = await store.dashboard.saveSource(
    { kind: 'local', ref: DEMO_JURISDICTION.id, name: DEMO_JURISDICTION.name, timezone: DEMO_JURISDICTION.timezone, area_label: NEIGHBOURHOOD_AREA_LABEL },
    now,
  );
  await store.dashboard.setAreas(source.id, neighbourhoodAreas());
}
