/** How the dashboard's jobs are retried (see jobs/job-names.ts). */
import type { EnqueueOptions } from '@o311/jobs';
import { JOB, type DashboardSourceData } from '../jobs/job-names.js';

/**
 * A missed sync is made up by the next minute's: one pending at most. The
 * lease covers a long catch-up (SYNC_MAX_CHANGES).
 */
export const dashboardSyncOptions = (): EnqueueOptions => ({
  retryLimit: 0,
  singletonKey: JOB.dashboardSync,
  leaseMs: 30 * 60_000,
});

/**
 * A rebuild starts over when retried (it clears the source first). One pending
 * per source: new areas set twice, or a rebuild change seen twice, queue one.
 * A million requests take minutes: a long lease.
 */
export const dashboardRebuildOptions = (d: DashboardSourceData): EnqueueOptions => ({
  retryLimit: 3,
  retryDelayMs: 60_000,
  backoff: true,
  leaseMs: 60 * 60_000,
  singletonKey: d.sourceId,
});
