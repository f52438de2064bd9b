/**
 * A dashboard source's areas from the registry: the boundaries of a lower tier
 * than the source's own (a city's districts, a county's cities) whose interior
 * point lies inside it. The source's boundary is its registry endpoint's: the
 * endpoint of the jurisdiction (local) or the endpoint itself (`endpoint:SLUG`).
 */
import { BoundaryIndex, interiorPoint } from '@o311/discovery';
import { tierRank } from '@o311/georeport';
import type { Boundary, DashboardAreaShape, DashboardSource, Store } from '@o311/store';

export type AreasFromRegistry = { ok: true; areas: DashboardAreaShape[] } | { ok: false; reason: 'no-endpoint' | 'no-boundary' | 'no-areas' };

async function boundaryOf(store: Store, source: DashboardSource): Promise<Boundary | 'no-endpoint' | 'no-boundary'> {
  const endpoint =
    source.kind === 'endpoint'
      ? await store.getEndpoint(source.ref)
      : (await store.listEndpoints({ local_jurisdiction: source.ref, limit: 1, offset: 0 }))[0];
  if (!endpoint) return 'no-endpoint';
  const boundary = endpoint.boundary_id === null ? undefined : await store.getBoundary(endpoint.boundary_id);
  return boundary ?? 'no-boundary';
}

export async function areasFromRegistry(store: Store, source: DashboardSource): Promise<AreasFromRegistry> {
  const outer = await boundaryOf(store, source);
  if (typeof outer === 'string') return { ok: false, reason: outer };
  const inside = new BoundaryIndex([outer]);
  const rank = tierRank(outer.tier);
  const areas = (await store.listBoundaries())
    .filter((b) => b.id !== outer.id && tierRank(b.tier) < rank && b.geometry.length > 0)
    .filter((b) => {
      const [long, lat] = interiorPoint(b.geometry);
      return inside.covering(long, lat).length > 0;
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((b) => ({ id: b.id, name: b.name, geometry: b.geometry as unknown as number[][][][] }));
  return areas.length > 0 ? { ok: true, areas } : { ok: false, reason: 'no-areas' };
}
