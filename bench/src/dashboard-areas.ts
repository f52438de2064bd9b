/**
 * The benchmark city's dashboard areas: a grid of rectangular neighbourhoods
 * over the dataset's extent (dataset.ts spreads points evenly within ±0.05°
 * of its centre), set on the jurisdiction's source before the server builds
 * the read model, so every fact is placed by a point-in-polygon lookup.
 */
import { openStore, sourceId, type DashboardAreaShape } from '@o311/store';
import type { Point } from './dataset.js';

export interface Grid {
  center: Point;
  /** Half the extent's side, degrees. */
  half: number;
  columns: number;
  rows: number;
}

/** Five columns by four rows: twenty areas. */
export const BENCH_GRID: Grid = { center: { lat: 41.88, long: -87.63 }, half: 0.05, columns: 5, rows: 4 };

export function gridAreas(g: Grid): DashboardAreaShape[] {
  const width = (2 * g.half) / g.columns;
  const height = (2 * g.half) / g.rows;
  const areas: DashboardAreaShape[] = [];
  for (let r = 0; r < g.rows; r++) {
    for (let c = 0; c < g.columns; c++) {
      const west = g.center.long - g.half + c * width;
      const south = g.center.lat - g.half + r * height;
      const ring = [[west, south], [west + width, south], [west + width, south + height], [west, south + height], [west, south]];
      areas.push({ id: `cell-${r}-${c}`, name: `Cell ${r + 1}-${c + 1}`, geometry: [[ring]] });
    }
  }
  return areas;
}

/** Makes the jurisdiction's local source (kept when there) and sets its areas. */
export async function setBenchAreas(databaseUrl: string, jurisdictionId: string, grid = BENCH_GRID): Promise<{ id: string; timezone: string; areaIds: string[] }> {
  const store = await openStore(databaseUrl);
  try {
    const j = await store.getJurisdiction(jurisdictionId);
    if (!j) throw new Error(`no jurisdiction ${jurisdictionId}`);
    const existing = await store.dashboard.getSource(sourceId('local', j.id));
    const source = existing ?? (await store.dashboard.saveSource({ kind: 'local', ref: j.id, name: j.name, timezone: j.timezone }));
    const areas = gridAreas(grid);
    await store.dashboard.setAreas(source.id, areas);
    return { id: source.id, timezone: source.timezone, areaIds: areas.map((a) => a.id) };
  } finally {
    await store.close();
  }
}
