/**
 * Webhooks within seconds of a change rather than at the next minute's
 * dispatch: after every successful write answered by this app (any channel:
 * GeoReport POSTs, the staff API, the web apps' forms), a dispatch is queued,
 * one at a time (its singleton key); when one is already running here, the
 * write marks it to run once more (dispatch-runs.ts). Only while some
 * subscriber is active, which is looked up at most every few seconds, so a
 * server without webhooks queues nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { queueDispatch } from './dispatch.js';
import { dispatchRuns } from './dispatch-runs.js';

const ACTIVE_CHECK_MS = 5000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether any subscriber is active, as this process last looked (one per store: the admin services tell it of changes). */
class ActiveSubscribers {
  #checkedAt = -Infinity;
  #any = false;

  constructor(private readonly ctx: Pick<ServiceContext, 'store'>) {}

  /** Someone subscribed or resumed in this process: no need to wait for the next check. */
  changed(): void {
    this.#checkedAt = -Infinity;
  }

  async any(): Promise<boolean> {
    const now = performance.now();
    if (now - this.#checkedAt >= ACTIVE_CHECK_MS) {
      this.#checkedAt = now;
      this.#any = (await this.ctx.store.webhooks.listSubscribers({ jurisdictions: null, states: ['active'], limit: 1 })).length > 0;
    }
    return this.#any;
  }
}

const byStore = new WeakMap<object, ActiveSubscribers>();

export function activeSubscribers(ctx: Pick<ServiceContext, 'store'>): ActiveSubscribers {
  let found = byStore.get(ctx.store);
  if (!found) {
    found = new ActiveSubscribers(ctx);
    byStore.set(ctx.store, found);
  }
  return found;
}

export function dispatchAfterWrites(app: Pick<FastifyInstance, 'addHook'>, ctx: Pick<ServiceContext, 'store' | 'jobs'>): void {
  const active = activeSubscribers(ctx);
  const runs = dispatchRuns(ctx);
  app.addHook('onResponse', async (request, reply) => {
    if (!WRITES.has(request.method) || reply.statusCode >= 400) return;
    try {
      // Refused: one is pending (it will read the change) or running (here it goes round again).
      if ((await active.any()) && (await queueDispatch(ctx)) === undefined) runs.markDirty();
    } catch {
      // The minute's dispatch takes the change anyway.
    }
  });
}
