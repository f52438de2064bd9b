/**
 * A write that lands while this process's dispatch runs cannot queue another
 * (one dispatch pending or running at a time: the singleton key), and the run
 * may have read the change feed before the change. So the write marks the run
 * dirty and the run goes round once more when it ends: the change waits
 * seconds, not the next minute's dispatch. A dispatch running in another
 * process is not told; the minute's run takes the change there.
 */
import type { ServiceContext } from '../services/context.js';
import { dispatchWebhooks, type WebhookServices } from './dispatch.js';

/** Extra rounds one job runs at most for writes that kept coming (the rest waits for the next dispatch). */
const MAX_AGAIN = 20;

export class DispatchRuns {
  #running = false;
  #dirty = false;

  /** Runs `dispatch`, then again while a write marked the run dirty meanwhile. The rounds run. */
  async run(dispatch: () => Promise<unknown>): Promise<number> {
    this.#running = true;
    let rounds = 0;
    try {
      do {
        this.#dirty = false;
        await dispatch();
        rounds += 1;
      } while (this.#dirty && rounds <= MAX_AGAIN);
    } finally {
      this.#running = false;
    }
    return rounds;
  }

  /** A write landed: true when a run of this process will take it (it runs once more). */
  markDirty(): boolean {
    if (this.#running) this.#dirty = true;
    return this.#running;
  }
}

const byStore = new WeakMap<object, DispatchRuns>();

/** This process's dispatch runs on the context's store. */
export function dispatchRuns(ctx: Pick<ServiceContext, 'store'>): DispatchRuns {
  let found = byStore.get(ctx.store);
  if (!found) {
    found = new DispatchRuns();
    byStore.set(ctx.store, found);
  }
  return found;
}

/** The `webhooks.dispatch` job's handler. */
export function runDispatch(ctx: WebhookServices): Promise<number> {
  return dispatchRuns(ctx).run(() => dispatchWebhooks(ctx));
}
