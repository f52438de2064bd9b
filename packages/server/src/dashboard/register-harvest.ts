/**
 * The harvest of registry endpoints into dashboard sources (issue 13): the
 * scheduled tick queues a `dashboard.harvest` per due source, each a bounded
 * run that resumes where the last one stopped (harvest-source.ts).
 */
import type { FastifyInstance } from 'fastify';
import { JOB, SCHEDULE, type DashboardSourceData } from '../jobs/job-names.js';
import type { ServiceContext } from '../services/context.js';
import { HARVEST_CONCURRENCY, harvestTickOptions } from './harvest-options.js';
import { harvestRuntime, type HarvestRuntime, type HarvestSettings } from './harvest-runtime.js';
import { harvestSource } from './harvest-source.js';
import { queueDueHarvests } from './harvest-tick.js';

export async function registerHarvest(
  app: Pick<FastifyInstance, 'inject' | 'addHook'>, ctx: ServiceContext, settings: HarvestSettings,
): Promise<HarvestRuntime> {
  // Jobs may be taken while the app is still being built: in-process harvests wait until it is ready.
  const ready = new Promise<void>((resolve) => app.addHook('onReady', async () => resolve()));
  const rt = harvestRuntime(app, ctx, settings, ready);
  await ctx.jobs.work(JOB.dashboardHarvestTick, async () => {
    await queueDueHarvests(ctx);
  });
  await ctx.jobs.work<DashboardSourceData>(JOB.dashboardHarvest, async (job) => {
    await harvestSource(rt, job.data.sourceId);
  }, { concurrency: HARVEST_CONCURRENCY });
  await ctx.jobs.schedule(JOB.dashboardHarvestTick, SCHEDULE[JOB.dashboardHarvestTick], {}, harvestTickOptions());
  return rt;
}
