/**
 * Which of a dashboard source's areas a point lies in: the areas' outlines in
 * discovery's BoundaryIndex (Flatbush boxes, then an exact point-in-polygon
 * test), built once per source and kept per process until its areas are set
 * again here, or for AREA_CACHE_MS (another process may have set them).
 */
import { BoundaryIndex, type IndexedBoundary } from '@o311/discovery';
import type { Store } from '@o311/store';

/** How long a process trusts its copy of a source's areas. */
export const AREA_CACHE_MS = 60_000;

export interface AreaLocator {
  /** The id of the area the point lies in (the first set, on a shared border); null outside every area. */
  areaOf(lat: number | null, long: number | null): string | null;
  readonly size: number;
}

interface Cached {
  at: number;
  locator: Promise<AreaLocator>;
}

const caches = new WeakMap<Store, Map<string, Cached>>();

function cacheOf(store: Store): Map<string, Cached> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  return cache;
}

async function build(store: Store, sourceId: string): Promise<AreaLocator> {
  const shapes = await store.dashboard.areaShapes(sourceId);
  // Areas are all of one tier: the index orders matches by area (smallest first), then by the order set.
  const index = new BoundaryIndex<IndexedBoundary>(shapes.map((a) => ({ id: a.id, tier: 'district', geometry: a.geometry as unknown as IndexedBoundary['geometry'] })));
  return {
    size: shapes.length,
    areaOf(lat, long) {
      if (lat === null || long === null || !Number.isFinite(lat) || !Number.isFinite(long)) return null;
      return index.covering(long, lat)[0]?.id ?? null;
    },
  };
}

export function areaLocator(store: Store, sourceId: string, now = Date.now()): Promise<AreaLocator> {
  const cache = cacheOf(store);
  const hit = cache.get(sourceId);
  if (hit && now - hit.at < AREA_CACHE_MS) return hit.locator;
  const locator = build(store, sourceId);
  cache.set(sourceId, { at: now, locator });
  locator.catch(() => cache.delete(sourceId));
  return locator;
}

/** Forgets this process's copy of the source's areas (after they were set). */
export function forgetAreas(store: Store, sourceId: string): void {
  cacheOf(store).delete(sourceId);
}
