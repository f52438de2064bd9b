/** The `dashboard.harvest-tick` job: a harvest queued for every enabled endpoint source that is due (one pending per source). */
import { JOB, type DashboardSourceData } from '../jobs/job-names.js';
import type { ServiceContext } from '../services/context.js';
import { dashboardHarvestOptions, HARVESTS_PER_TICK } from './harvest-options.js';

/** The ids of the sources queued now (those with a harvest pending already are not queued twice). */
export async function queueDueHarvests(ctx: Pick<ServiceContext, 'store' | 'jobs' | 'now'>): Promise<string[]> {
  const due = await ctx.store.dashboard.dueHarvests(ctx.now(), HARVESTS_PER_TICK);
  const queued: string[] = [];
  for (const source of due) {
    const data: DashboardSourceData = { sourceId: source.id };
    if ((await ctx.jobs.enqueue(JOB.dashboardHarvest, data, dashboardHarvestOptions(data))) !== undefined) queued.push(source.id);
  }
  return queued;
}
