/**
 * The monitor's jobs in a process that monitors (`serve --monitor`, `o311
 * monitor run`): the minute's tick, the polls, the rollups, the daily
 * conformance runs (and a new endpoint's first one, after its first successful
 * poll), the alerts and the webhooks. Processes without the
 * monitor neither run these jobs nor touch their schedules: schedules are
 * shared by every process, so one started without --monitor must not remove
 * the schedule a monitoring one relies on, and while no monitor runs each
 * schedule keeps at most one job waiting (monitorScheduleOptions).
 */
import type { FastifyInstance } from 'fastify';
import { createTransport } from '@o311/client';
import { rollUpOptions } from '@o311/monitor';
import { JOB, SCHEDULE, monitorScheduleOptions, type MonitorEventData, type MonitorPollData } from '../jobs/job-names.js';
import type { ServiceContext } from '../services/context.js';
import { sendAlert } from './alert.js';
import { FirstConformance } from './first-conformance.js';
import { FirstFigures } from './first-figures.js';
import { queueConformanceRuns } from './conformance-runs.js';
import { injectTransport, splitTransport } from './local-transport.js';
import { resolveMonitorOptions, type MonitorOptions } from './monitor-options.js';
import type { MonitorRuntime } from './monitor-runtime.js';
import { pollChunk } from './poll.js';
import { monitorTick } from './tick.js';
import { deliverWebhook } from './webhook.js';

/** Poll chunks one process runs at once (each polls its targets concurrently). */
const POLL_CONCURRENCY = 4;

export interface MonitorSettings extends MonitorOptions {
  /** Reach private and loopback endpoints and webhooks (`--allow-private-endpoints`). */
  allowPrivate: boolean;
}

/** The runtime of the monitor's handlers in this app's process; `ready` holds back in-process polls until the app is ready. */
export function monitorRuntime(
  app: Pick<FastifyInstance, 'inject'>, ctx: ServiceContext, settings: MonitorSettings, ready?: Promise<void>,
): MonitorRuntime {
  const networkTransport = createTransport();
  return {
    ctx,
    options: resolveMonitorOptions(settings),
    allowPrivate: settings.allowPrivate,
    pollTransport: splitTransport(injectTransport(app, undefined, ready), networkTransport),
    networkTransport,
    firstFigures: new FirstFigures(),
    firstConformance: new FirstConformance(ctx),
  };
}

export async function registerMonitor(
  app: Pick<FastifyInstance, 'inject' | 'addHook'>, ctx: ServiceContext, settings: MonitorSettings,
): Promise<MonitorRuntime> {
  // Jobs are taken while the app is still being built (a tick is queued at once, below): local endpoints are polled
  // by injecting into it, which must wait until it is ready.
  const ready = new Promise<void>((resolve) => app.addHook('onReady', async () => resolve()));
  const rt = monitorRuntime(app, ctx, settings, ready);
  const { jobs } = ctx;
  await jobs.work(JOB.monitorTick, async () => {
    await monitorTick(ctx);
  });
  await jobs.work<MonitorPollData>(JOB.monitorPoll, async (job) => {
    await pollChunk(rt, job.data.slugs);
  }, { concurrency: POLL_CONCURRENCY });
  await jobs.work(JOB.monitorRollup, async () => {
    await ctx.store.monitor.rollUp(ctx.now(), rollUpOptions());
  });
  await jobs.work(JOB.monitorConformance, async () => {
    await queueConformanceRuns(ctx);
  });
  await jobs.work<MonitorEventData>(JOB.monitorAlert, async (job) => {
    await sendAlert(ctx, job.data.eventId);
  });
  await jobs.work<MonitorEventData>(JOB.monitorWebhook, async (job) => {
    await deliverWebhook(rt, job.data.eventId);
  }, { concurrency: 4 });
  for (const name of [JOB.monitorTick, JOB.monitorRollup, JOB.monitorConformance] as const) {
    await jobs.schedule(name, SCHEDULE[name], {}, monitorScheduleOptions(name));
  }
  // A tick now rather than at the next minute: a server just started shows its endpoints, and polls them, at once.
  await jobs.enqueue(JOB.monitorTick, {}, monitorScheduleOptions(JOB.monitorTick));
  return rt;
}
