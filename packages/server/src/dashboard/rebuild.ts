/**
 * A dashboard source's facts and rollups made again from scratch: a local
 * source from every request of its jurisdiction (read in keyset pages of
 * REBUILD_PAGE, so memory stays flat), an endpoint source from its own facts
 * with their areas found again (its requests are the harvester's to read).
 * Writes while a rebuild runs are safe: each writes a request's current state.
 */
import { MAX_RANGE_DAYS, addDays, type DashboardFact, type DashboardSource } from '@o311/store';
import type { ServiceContext } from '../services/context.js';
import { areaLocator } from './area-index.js';
import { requestFact, ServiceGroups } from './request-fact.js';

export const REBUILD_PAGE = 5_000;

/** Facts written; 0 for an unknown source. */
export async function rebuildSource(ctx: ServiceContext, id: string): Promise<number> {
  const source = await ctx.store.dashboard.getSource(id);
  if (!source) return 0;
  return source.kind === 'local' ? rebuildLocal(ctx, source) : reassignAreas(ctx, source);
}

async function rebuildLocal(ctx: ServiceContext, source: DashboardSource): Promise<number> {
  const { dashboard } = ctx.store;
  const areas = await areaLocator(ctx.store, source.id, ctx.now());
  const groups = await new ServiceGroups(ctx.store).of(source.ref);
  await dashboard.clearFacts(source.id);
  let written = 0;
  for await (const page of ctx.store.exportRequests({ jurisdiction_id: source.ref, page_size: REBUILD_PAGE })) {
    await dashboard.putFacts(source.id, page.map((r) => requestFact(r, groups, areas)), ctx.now());
    written += page.length;
  }
  // Marks the source synced even when the jurisdiction has no requests (see local-sources.ts).
  await dashboard.putFacts(source.id, [], ctx.now());
  return written;
}

async function reassignAreas(ctx: ServiceContext, source: DashboardSource): Promise<number> {
  const areas = await areaLocator(ctx.store, source.id, ctx.now());
  // Every fact from 1970 to 2070 (the longest range a filter may span).
  const from = '1970-01-01';
  const filter = { source_id: source.id, from_day: from, to_day: addDays(from, MAX_RANGE_DAYS - 1) };
  let written = 0;
  // Pages newest first by request time, which a new area does not change: each fact is read once.
  for await (const page of ctx.store.dashboard.streamFacts(filter)) {
    const moved: DashboardFact[] = [];
    for (const f of page) {
      const area_id = areas.areaOf(f.lat, f.long);
      if (area_id !== f.area_id) moved.push({ ...f, area_id });
    }
    if (moved.length > 0) await ctx.store.dashboard.putFacts(source.id, moved, ctx.now());
    written += moved.length;
  }
  return written;
}
