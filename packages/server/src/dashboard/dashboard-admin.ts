/**
 * What the back office's dashboard pages call (exported as `dashboardAdmin`):
 * the same services as the staff API (sources-admin.ts), so the two cannot
 * disagree, with "Harvest now" and the areas of a source within the scope.
 */
import type { DashboardAreaShape, DashboardSource, JurisdictionScope } from '@o311/store';
import type { ServiceContext } from '../services/context.js';
import { getSource, listSources } from './sources-admin.js';

export {
  getSource, listSources, rebuildNow, saveSourceSettings, setAreasFromFile, setAreasFromRegistry, MAX_AREA_LABEL,
  type SourceSettings,
} from './sources-admin.js';
export { AREA_LIMITS, NAME_PROPERTIES } from './areas-geojson.js';
export { harvestNow } from './harvest-now.js';

/** The source's areas with their outlines (404/403 as getSource). */
export async function sourceAreas(ctx: ServiceContext, scope: JurisdictionScope, id: string): Promise<DashboardAreaShape[]> {
  const source = await getSource(ctx, scope, id);
  return ctx.store.dashboard.areaShapes(source.id);
}

/** The sources within the scope (listSources), each with how many areas it has. */
export async function sourcesWithAreaCounts(ctx: ServiceContext, scope: JurisdictionScope): Promise<{ source: DashboardSource; areas: number }[]> {
  const sources = await listSources(ctx, scope);
  return Promise.all(sources.map(async (source) => ({ source, areas: (await ctx.store.dashboard.listAreas(source.id)).length })));
}
