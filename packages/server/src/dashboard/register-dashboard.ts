/**
 * The dashboard's jobs in every server process: the minute's sync of the
 * local sources from the change feed (sync.ts) and the rebuild of one source
 * (rebuild.ts), queued by the sync, the staff API and new areas.
 */
import { JOB, SCHEDULE, type DashboardSourceData } from '../jobs/job-names.js';
import type { ServiceContext } from '../services/context.js';
import { dashboardSyncOptions } from './dashboard-options.js';
import { rebuildSource } from './rebuild.js';
import { syncDashboard } from './sync.js';

export async function registerDashboard(ctx: ServiceContext): Promise<void> {
  const { jobs } = ctx;
  await jobs.work(JOB.dashboardSync, async () => {
    await syncDashboard(ctx);
  });
  await jobs.work<DashboardSourceData>(JOB.dashboardRebuild, async (job) => {
    await rebuildSource(ctx, job.data.sourceId);
  });
  await jobs.schedule(JOB.dashboardSync, SCHEDULE[JOB.dashboardSync], {}, dashboardSyncOptions());
}
