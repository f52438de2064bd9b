/**
 * How often registry endpoints are harvested and how their jobs are retried.
 * A run's outcome (caught up, cut short, failed, asked to wait) decides when
 * the next one is due, kept in the source's HarvestState.
 */
import type { EnqueueOptions } from '@o311/jobs';
import { JOB, type DashboardSourceData } from '../jobs/job-names.js';

/** A caught-up endpoint is harvested again this long after its last run. */
export const HARVEST_INTERVAL_MS = 15 * 60_000;
/** Failures in a row double the wait, up to this. */
export const MAX_HARVEST_BACKOFF_MS = 24 * 60 * 60_000;
/** Outlasts a run's own time limit (HARVEST_DEFAULTS.maxRunMs) with its last call's deadline. */
export const HARVEST_LEASE_MS = 10 * 60_000;
/** Sources queued by one tick at most; the rest are due at the next. */
export const HARVESTS_PER_TICK = 100;
/** Sources harvested at once by one process (each endpoint is still called one call at a time). */
export const HARVEST_CONCURRENCY = 4;

/**
 * A run's outcome is its result, stored on the source: the job fails only when the store does, and is tried once
 * more soon. One pending harvest per source: the tick queues it again only once it is done.
 */
export const dashboardHarvestOptions = (d: DashboardSourceData): EnqueueOptions => ({
  retryLimit: 1,
  retryDelayMs: 60_000,
  leaseMs: HARVEST_LEASE_MS,
  singletonKey: d.sourceId,
});

/** A missed tick is made up by the next one; at most one waits. */
export const harvestTickOptions = (): EnqueueOptions => ({
  retryLimit: 0,
  singletonKey: JOB.dashboardHarvestTick,
  leaseMs: 5 * 60_000,
});

export interface RunResult {
  now: number;
  caughtUp: boolean;
  failed: boolean;
  /** The endpoint asked to be left alone this long. */
  retryAfterMs: number | null;
  /** The state before the run: a failure after a failure waits twice as long as the last wait. */
  previous: { last_error: string | null; last_run_at: number | null; next_run_at: number };
}

/**
 * When the next run is due: at once (the next tick) when the run was cut short by its budget, an interval on
 * when caught up, and after failures an interval doubled per failure in a row (up to a day), never before a
 * Retry-After.
 */
export function nextHarvestAt(r: RunResult, intervalMs = HARVEST_INTERVAL_MS): number {
  let wait = r.caughtUp ? intervalMs : 0;
  if (r.failed) {
    const { last_error, last_run_at, next_run_at } = r.previous;
    const lastWait = last_error !== null && last_run_at !== null ? next_run_at - last_run_at : 0;
    wait = Math.min(MAX_HARVEST_BACKOFF_MS, Math.max(intervalMs, lastWait * 2));
  }
  if (r.retryAfterMs !== null) wait = Math.max(wait, Math.min(r.retryAfterMs, MAX_HARVEST_BACKOFF_MS));
  return r.now + wait;
}
