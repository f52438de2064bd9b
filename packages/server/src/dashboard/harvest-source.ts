/**
 * The `dashboard.harvest` job: one bounded harvester run of an endpoint
 * source (@o311/harvest), its requests written as facts answer by answer
 * (store.dashboard.putFacts: writing one again changes nothing), and its
 * state saved: the cursor after every answer, the outcome and the next run's
 * time at the end. The source's next run is moved past the job's lease
 * first, so that the tick does not queue it again while it runs.
 */
import { harvest, type HarvestOutcome } from '@o311/harvest';
import { targetOf } from '@o311/monitor';
import type { DashboardSource, HarvestState } from '@o311/store';
import { LOCAL_BASE_URL } from '../monitor/local-transport.js';
import { areaLocator } from './area-index.js';
import { HARVEST_LEASE_MS, nextHarvestAt } from './harvest-options.js';
import type { HarvestRuntime } from './harvest-runtime.js';

export type HarvestSourceResult =
  | { ran: true; outcome: HarvestOutcome; state: HarvestState }
  | { ran: false; reason: 'unknown' | 'not-endpoint' | 'disabled' | 'refused'; state?: HarvestState };

const MAX_ERROR_TEXT = 500;

const emptyState = (now: number): HarvestState => ({
  cursor: null, last_run_at: null, last_success_at: null, last_error: null, next_run_at: now, requests_seen: 0,
});

export async function harvestSource(rt: HarvestRuntime, sourceId: string): Promise<HarvestSourceResult> {
  const { store } = rt.ctx;
  const source = await store.dashboard.getSource(sourceId);
  if (source === undefined) return { ran: false, reason: 'unknown' };
  if (source.kind !== 'endpoint') return { ran: false, reason: 'not-endpoint' };
  if (!source.enabled) return { ran: false, reason: 'disabled' };
  const now = rt.ctx.now();
  const before = source.harvest ?? emptyState(now);
  const endpoint = await store.getEndpoint(source.ref);
  const target = endpoint === undefined
    ? { refused: `The registry has no endpoint '${source.ref}'.` }
    : targetOf(endpoint, { baseUrl: LOCAL_BASE_URL });
  if ('refused' in target) return { ran: false, reason: 'refused', state: await refuse(rt, source, before, now, target.refused) };

  let state: HarvestState = { ...before, last_run_at: now, next_run_at: now + HARVEST_LEASE_MS };
  await store.dashboard.saveHarvestState(source.id, state);
  const locator = await areaLocator(store, source.id, now);
  const outcome = await harvest({
    target,
    cursor: before.cursor,
    sink: {
      write: (facts) => store.dashboard.putFacts(source.id, facts, rt.ctx.now()),
      checkpoint: async (cursor) => {
        state = { ...state, cursor };
        await store.dashboard.saveHarvestState(source.id, state);
      },
    },
    transport: rt.transport,
    allowPrivate: rt.allowPrivate,
    options: rt.options,
    areaOf: (lat, long) => locator.areaOf(lat, long),
    clock: { now: rt.ctx.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
  });
  const failed = outcome.error !== null;
  state = {
    cursor: outcome.cursor,
    last_run_at: now,
    last_success_at: failed ? before.last_success_at : rt.ctx.now(),
    last_error: outcome.error,
    next_run_at: nextHarvestAt({ now: rt.ctx.now(), caughtUp: outcome.caughtUp, failed, retryAfterMs: outcome.retryAfterMs, previous: before }, rt.intervalMs),
    requests_seen: before.requests_seen + outcome.requests,
  };
  await store.dashboard.saveHarvestState(source.id, state);
  return { ran: true, outcome, state };
}

/** Nothing to harvest (no such endpoint, or no URL): said on the source, and asked again later as after a failure. */
async function refuse(rt: HarvestRuntime, source: DashboardSource, before: HarvestState, now: number, why: string): Promise<HarvestState> {
  const state: HarvestState = {
    ...before,
    last_run_at: now,
    last_error: why.slice(0, MAX_ERROR_TEXT),
    next_run_at: nextHarvestAt({ now, caughtUp: false, failed: true, retryAfterMs: null, previous: before }, rt.intervalMs),
  };
  await rt.ctx.store.dashboard.saveHarvestState(source.id, state);
  return state;
}
