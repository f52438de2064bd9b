/**
 * Request webhooks' jobs, run by every server process: the dispatch (every
 * minute, and queued after each write) that turns request changes into
 * deliveries, the deliveries themselves, and the daily prune of their log.
 */
import type { FastifyInstance } from 'fastify';
import { createTransport } from '@o311/client';
import { JOB, SCHEDULE, type WebhookDeliveryData } from '../jobs/job-names.js';
import type { ServiceContext } from '../services/context.js';
import { deliverWebhook, type WebhookRuntime } from './deliver.js';
import { runDispatch } from './dispatch-runs.js';
import { pruneWebhookHistory } from './prune.js';
import { webhookDispatchOptions } from './webhook-options.js';
import { dispatchAfterWrites } from './write-hook.js';

/** Deliveries one process POSTs at once. */
const DELIVERY_CONCURRENCY = 4;

export async function registerWebhooks(
  app: Pick<FastifyInstance, 'addHook'>, ctx: ServiceContext, options: { allowPrivate: boolean },
): Promise<WebhookRuntime> {
  const rt: WebhookRuntime = { ctx, transport: createTransport(), allowPrivate: options.allowPrivate };
  await ctx.jobs.work(JOB.webhooksDispatch, async () => {
    await runDispatch(ctx);
  });
  await ctx.jobs.work<WebhookDeliveryData>(JOB.webhooksDeliver, async (job) => {
    await deliverWebhook(rt, job.data.deliveryId, job.attempt);
  }, { concurrency: DELIVERY_CONCURRENCY });
  await ctx.jobs.schedule(JOB.webhooksDispatch, SCHEDULE[JOB.webhooksDispatch], {}, webhookDispatchOptions());
  await ctx.jobs.work(JOB.webhooksPrune, async () => {
    await pruneWebhookHistory(ctx);
  });
  // A missed prune is made up by the next day's.
  await ctx.jobs.schedule(JOB.webhooksPrune, SCHEDULE[JOB.webhooksPrune], {}, { retryLimit: 0 });
  dispatchAfterWrites(app, ctx);
  return rt;
}
