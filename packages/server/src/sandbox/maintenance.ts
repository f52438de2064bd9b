/**
 * The sandbox's scheduled reset: every `intervalMs` its requests are deleted,
 * its services copied again from the primary jurisdiction, and rate-limit
 * counters of past windows pruned. `tick(now)` does what is due at `now` (tests
 * drive it); `start()` runs it on a timer. A small scheduled function until the
 * job queue arrives.
 */
import type { Store } from '@o311/store';
import { WINDOW_MS } from '../http/rate-limit.js';
import { syncSandboxServices } from './sandbox.js';

export const DAY_MS = 24 * 3_600_000;
/** How often the timer asks whether a reset is due. */
const CHECK_EVERY_MS = 60_000;

export interface TickResult {
  /** Requests deleted; undefined when no reset was due. */
  cleared?: number;
  pruned: number;
}

export class SandboxMaintenance {
  readonly #store: Store;
  readonly #sandboxId: string;
  readonly #intervalMs: number;
  #nextReset: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(o: { store: Store; sandboxId: string; now: number; intervalMs?: number }) {
    this.#store = o.store;
    this.#sandboxId = o.sandboxId;
    this.#intervalMs = o.intervalMs ?? DAY_MS;
    this.#nextReset = o.now + this.#intervalMs;
  }

  /** When the next reset is due (epoch ms). */
  get nextReset(): number {
    return this.#nextReset;
  }

  async tick(now: number): Promise<TickResult> {
    const pruned = await this.#store.rateLimits.prune(now - WINDOW_MS);
    if (now < this.#nextReset) return { pruned };
    this.#nextReset = now + this.#intervalMs;
    const cleared = await this.#store.clearRequests(this.#sandboxId);
    const [primary, sandbox] = await Promise.all([this.#store.primaryJurisdiction(), this.#store.getJurisdiction(this.#sandboxId)]);
    if (primary && sandbox) await syncSandboxServices(this.#store, primary, sandbox);
    return { cleared, pruned };
  }

  /** Runs `tick` every minute; a failed tick is reported and retried at the next one. */
  start(onError: (e: unknown) => void = () => undefined): void {
    this.#timer ??= setInterval(() => void this.tick(Date.now()).catch(onError), CHECK_EVERY_MS);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
