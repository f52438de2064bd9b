/**
 * The federated endpoint's deliveries: a `router.deliver` job per accepted
 * request, run by any process (packages/router delivery.ts decides and
 * records each attempt's outcome). An attempt that may pass later (network,
 * 5xx, 429, a batch token not resolved yet) fails the job, so the queue tries
 * again after its back-off; on the last attempt the request is dead.
 */
import { Deliverer, type LocalDeliverer } from '@o311/router';
import type { ServiceContext } from '../services/context.js';
import { JOB, SCHEDULE, routerDeliverOptions, type RouterDeliverData } from './job-names.js';

export interface RouterDeliverySettings {
  /** Reach private and loopback upstreams (the server's `--allow-private-endpoints`, as registry checks do). */
  allowPrivate: boolean;
  /** Files requests at this server's own jurisdictions. */
  local: LocalDeliverer;
  /** One upstream call's deadline; default 20 s. */
  timeoutMs?: number;
}

/** Bounds of the first retry's delay (AppOptions.routerRetryDelayMs), ms. */
export const ROUTER_RETRY_DELAY_BOUNDS = { min: 100, max: 600_000 } as const;

/** The delay as given, or a RangeError saying the bounds. */
export function checkRouterRetryDelay(ms: number | undefined): number | undefined {
  const { min, max } = ROUTER_RETRY_DELAY_BOUNDS;
  if (ms !== undefined && !(Number.isInteger(ms) && ms >= min && ms <= max)) {
    throw new RangeError(`routerRetryDelayMs must be a whole number of milliseconds from ${min} to ${max}, got ${ms}`);
  }
  return ms;
}

/** Thrown to have the queue try the delivery again later. */
class DeliveryPending extends Error {
  override readonly name = 'DeliveryPending';
}

export async function registerRouterDelivery(ctx: ServiceContext, settings: RouterDeliverySettings): Promise<void> {
  const deliverer = new Deliverer({
    store: ctx.store,
    credentials: ctx.routerCredentials,
    local: settings.local,
    allowPrivate: settings.allowPrivate,
    ...(settings.timeoutMs !== undefined && { timeoutMs: settings.timeoutMs }),
    now: ctx.now,
  });
  const { retryLimit = 0 } = routerDeliverOptions({ federatedId: '' });
  await ctx.jobs.work<RouterDeliverData>(JOB.routerDeliver, async (job) => {
    const outcome = await deliverer.attempt(job.data.federatedId, { lastAttempt: job.attempt > retryLimit });
    if (outcome.kind === 'retry' || outcome.kind === 'dead') throw new DeliveryPending(outcome.error);
  }, { concurrency: 4 });
  await ctx.jobs.work(JOB.routerSweep, async () => {
    await sweepDeliveries(ctx);
  });
  // A missed sweep is made up by the next tick.
  await ctx.jobs.schedule(JOB.routerSweep, SCHEDULE[JOB.routerSweep], {}, { retryLimit: 0 });
}

/** Queues the delivery of a stored federated request; undefined when one is already pending. */
export function queueDelivery(ctx: Pick<ServiceContext, 'jobs' | 'routerRetryDelayMs'>, federatedId: string): Promise<string | undefined> {
  const data: RouterDeliverData = { federatedId };
  return ctx.jobs.enqueue(JOB.routerDeliver, data, routerDeliverOptions(data, ctx.routerRetryDelayMs));
}

/** Requests queued this long without a delivery job are queued again by the sweep. */
const SWEEP_AFTER_MS = 60_000;
/** Most requests one sweep looks at. */
const SWEEP_LIMIT = 500;

/**
 * Queues a delivery for every federated request still queued a minute after
 * it was stored: a job already pending for it (waiting for its retry) keeps
 * the new one out (singleton key), so only requests that lost theirs, to a
 * crash between the insert and the enqueue, get one.
 */
export async function sweepDeliveries(ctx: Pick<ServiceContext, 'jobs' | 'store' | 'now' | 'routerRetryDelayMs'>): Promise<number> {
  const queued = await ctx.store.federation.list({ states: ['queued'], created_before: ctx.now() - SWEEP_AFTER_MS, limit: SWEEP_LIMIT, offset: 0 });
  let requeued = 0;
  for (const r of queued) if ((await queueDelivery(ctx, r.id)) !== undefined) requeued += 1;
  return requeued;
}
