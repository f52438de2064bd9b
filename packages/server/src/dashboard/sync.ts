/**
 * The dashboard's local sources kept in step with the request change feed:
 * changes after the cursor `dashboard`, in batches, grouped by jurisdiction;
 * each batch's requests are read again (public fields) and written as facts,
 * those gone removed; the cursor is saved after each batch, so a crash repeats
 * at most one batch (writes are idempotent). A `rebuild` change, or a source
 * never filled, queues a full rebuild of the source instead.
 * One sync at a time per process; a caller arriving while one runs gets the
 * next one, which starts after it arrived (freshSingleFlight).
 */
import { freshSingleFlight, type RequestChange } from '@o311/store';
import { JOB, type DashboardSourceData } from '../jobs/job-names.js';
import type { ServiceContext } from '../services/context.js';
import { areaLocator } from './area-index.js';
import { dashboardRebuildOptions } from './dashboard-options.js';
import { localSources } from './local-sources.js';
import { requestFact, ServiceGroups } from './request-fact.js';

export const DASHBOARD_CURSOR = 'dashboard';
/** Changes read per batch. */
export const SYNC_BATCH = 1_000;
/** Requests read per query. */
const READ_CHUNK = 500;
/** The bounded catch-up of freshDashboard. */
export const FRESH_MAX_CHANGES = 10_000;
/** One scheduled sync takes in at most this many changes; the next minute's goes on. */
export const SYNC_MAX_CHANGES = 200_000;

export interface SyncOutcome {
  changes: number;
  facts: number;
  removed: number;
  /** Sources queued for a rebuild. */
  rebuilds: string[];
}

export async function queueRebuild(ctx: ServiceContext, sourceId: string): Promise<void> {
  const data: DashboardSourceData = { sourceId };
  await ctx.jobs.enqueue(JOB.dashboardRebuild, data, dashboardRebuildOptions(data));
}

async function syncOnce(ctx: ServiceContext, maxChanges: number): Promise<SyncOutcome> {
  const { store } = ctx;
  const outcome: SyncOutcome = { changes: 0, facts: 0, removed: 0, rebuilds: [] };
  const rebuild = async (id: string) => {
    if (outcome.rebuilds.includes(id)) return;
    outcome.rebuilds.push(id);
    await queueRebuild(ctx, id);
  };
  const sources = await localSources(ctx);
  let cursor = await store.changes.cursor(DASHBOARD_CURSOR);
  if (cursor === 0 && sources.created.length > 0) {
    // The first sync (no change taken in yet, sources never filled): skip the feed so far, and rebuild every
    // source from its requests, which hold every change up to now (and those from before the feed existed).
    cursor = await store.changes.latest();
    await store.changes.saveCursor(DASHBOARD_CURSOR, cursor);
    for (const s of sources.byJurisdiction.values()) await rebuild(s.id);
  }
  for (const s of sources.created) await rebuild(s.id);
  const groups = new ServiceGroups(store);
  // Up to the feed's end as this run starts (after its callers arrived), not chasing the writes that
  // keep coming: under a stream of POSTs a reader would otherwise wait for FRESH_MAX_CHANGES of them.
  const end = await store.changes.latest();
  while (outcome.changes < maxChanges && cursor < end) {
    const batch = (await store.changes.after(cursor, Math.min(SYNC_BATCH, maxChanges - outcome.changes), ctx.now())).filter((c) => c.id <= end);
    if (batch.length === 0) break;
    const byJurisdiction = new Map<string, RequestChange[]>();
    for (const c of batch) {
      const list = byJurisdiction.get(c.jurisdiction_id);
      if (list) list.push(c);
      else byJurisdiction.set(c.jurisdiction_id, [c]);
    }
    for (const [jurisdictionId, changes] of byJurisdiction) {
      const source = sources.byJurisdiction.get(jurisdictionId);
      if (!source || !source.enabled || outcome.rebuilds.includes(source.id)) continue;
      if (changes.some((c) => c.kind === 'rebuild')) {
        await rebuild(source.id);
        continue;
      }
      const ids = [...new Set(changes.flatMap((c) => (c.request_id === null ? [] : [c.request_id])))];
      const areas = await areaLocator(store, source.id, ctx.now());
      const serviceGroups = await groups.of(jurisdictionId);
      for (let i = 0; i < ids.length; i += READ_CHUNK) {
        const chunk = ids.slice(i, i + READ_CHUNK);
        const requests = await store.listPublicRequests({ jurisdiction_id: jurisdictionId, ids: chunk, limit: chunk.length, offset: 0 });
        const found = new Set(requests.map((r) => r.id));
        const gone = chunk.filter((id) => !found.has(id));
        await store.dashboard.putFacts(source.id, requests.map((r) => requestFact(r, serviceGroups, areas)), ctx.now());
        if (gone.length > 0) await store.dashboard.removeFacts(source.id, gone, ctx.now());
        outcome.facts += requests.length;
        outcome.removed += gone.length;
      }
    }
    cursor = batch[batch.length - 1]!.id;
    await store.changes.saveCursor(DASHBOARD_CURSOR, cursor);
    outcome.changes += batch.length;
  }
  return outcome;
}

const flights = new WeakMap<ServiceContext, () => Promise<SyncOutcome>>();

/** One catch-up of at most FRESH_MAX_CHANGES, shared by the callers of this process (see the top). */
function catchUp(ctx: ServiceContext): Promise<SyncOutcome> {
  let run = flights.get(ctx);
  if (!run) {
    run = freshSingleFlight(() => syncOnce(ctx, FRESH_MAX_CHANGES));
    flights.set(ctx, run);
  }
  return run();
}

/** What the dashboard's pages call before answering: one bounded catch-up, so their figures include what just happened. */
export function freshDashboard(ctx: ServiceContext): Promise<SyncOutcome> {
  return catchUp(ctx);
}

/** Takes in the changes since the last sync, catch-up after catch-up, at most about `maxChanges`. */
export async function syncDashboard(ctx: ServiceContext, maxChanges = SYNC_MAX_CHANGES): Promise<SyncOutcome> {
  const total: SyncOutcome = { changes: 0, facts: 0, removed: 0, rebuilds: [] };
  for (;;) {
    const step = await catchUp(ctx);
    total.changes += step.changes;
    total.facts += step.facts;
    total.removed += step.removed;
    total.rebuilds.push(...step.rebuilds.filter((id) => !total.rebuilds.includes(id)));
    if (step.changes < FRESH_MAX_CHANGES || total.changes >= maxChanges) return total;
  }
}
