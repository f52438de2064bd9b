/**
 * A dashboard source's facts and rollups made again from scratch through the
 * store's bulk rebuild (beginRebuild, loadFacts, finishRebuild: plain inserts,
 * then the rollups counted in SQL a few days per transaction): a local source
 * from every request of its jurisdiction (read in keyset pages of
 * REBUILD_PAGE, one transaction each, so memory stays flat and the writer is
 * never held long), an endpoint source from its own facts with their areas
 * found again (its requests are the harvester's to read). Syncs and harvests
 * go on meanwhile: the store counts their writes (see dashboard-rebuild.ts),
 * and a load keeps a fact they wrote after the rebuild began.
 */
import { MAX_RANGE_DAYS, addDays, type DashboardFact, type DashboardSource } from '@o311/store';
import type { ServiceContext } from '../services/context.js';
import { areaLocator } from './area-index.js';
import { requestFact, ServiceGroups } from './request-fact.js';

/**
 * Requests per export page (its most), and facts per load transaction: at
 * 1,000,000 requests on SQLite, 10,000 per transaction held the writer (and,
 * SQLite's calls being synchronous, the process) 0.3-0.8 s at a time.
 */
export const REBUILD_PAGE = 5_000;

/** Lets the process's requests run between two transactions (SQLite's calls are synchronous). */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Facts written; 0 for an unknown source or a rebuild superseded by a later one. */
export async function rebuildSource(ctx: ServiceContext, id: string): Promise<number> {
  const source = await ctx.store.dashboard.getSource(id);
  if (!source) return 0;
  return source.kind === 'local' ? rebuildLocal(ctx, source) : reassignAreas(ctx, source);
}

async function rebuildLocal(ctx: ServiceContext, source: DashboardSource): Promise<number> {
  const { dashboard } = ctx.store;
  const areas = await areaLocator(ctx.store, source.id, ctx.now());
  const groups = await new ServiceGroups(ctx.store).of(source.ref);
  const generation = await dashboard.beginRebuild(source.id);
  let written = 0;
  for await (const page of ctx.store.exportRequests({ jurisdiction_id: source.ref, page_size: REBUILD_PAGE })) {
    if (!(await dashboard.loadFacts(source.id, generation, page.map((r) => requestFact(r, groups, areas))))) return 0;
    written += page.length;
    await yieldToEventLoop();
  }
  // Also marks the source synced when the jurisdiction has no requests (see local-sources.ts).
  return (await dashboard.finishRebuild(source.id, generation, ctx.now())) === undefined ? 0 : written;
}

async function reassignAreas(ctx: ServiceContext, source: DashboardSource): Promise<number> {
  const { dashboard } = ctx.store;
  const areas = await areaLocator(ctx.store, source.id, ctx.now());
  const generation = await dashboard.beginRebuild(source.id, { keepFacts: true });
  // Every fact from 1970 to 2070 (the longest range a filter may span).
  const from = '1970-01-01';
  const filter = { source_id: source.id, from_day: from, to_day: addDays(from, MAX_RANGE_DAYS - 1) };
  let written = 0;
  // Pages newest first by request time, which a new area does not change: each fact is read once. The
  // rollups are pending meanwhile, so putFacts only writes the facts; finishRebuild counts them.
  for await (const page of dashboard.streamFacts(filter)) {
    const moved: DashboardFact[] = [];
    for (const f of page) {
      const area_id = areas.areaOf(f.lat, f.long);
      if (area_id !== f.area_id) moved.push({ ...f, area_id });
    }
    if (moved.length > 0) await dashboard.putFacts(source.id, moved, ctx.now());
    written += moved.length;
    await yieldToEventLoop();
  }
  return (await dashboard.finishRebuild(source.id, generation, ctx.now())) === undefined ? 0 : written;
}
