import type { RateDecision, RateLimitCounters } from '@o311/store';

export const WINDOW_MS = 60_000;

/**
 * Per-minute limits (POST quotas, follow confirmations), shared by every process on the database through the
 * store's fixed-window counters: a key limited to 60 a minute gets 60 however
 * many processes serve it. A fixed window is one row per bucket; the price is
 * that a client may fit up to twice its limit into 60 s straddling two windows.
 */
export class SharedRateLimiter {
  readonly #counters: RateLimitCounters;

  constructor(counters: RateLimitCounters) {
    this.#counters = counters;
  }

  /** Counts one call of `bucket` unless its `limit` (0: unlimited) is spent this minute. */
  take(bucket: string, limit: number, now: number): Promise<RateDecision> {
    return this.#counters.take(bucket, limit, WINDOW_MS, now);
  }

  /** Gives back a call taken at `at` that was not accepted after all (only accepted calls count). */
  giveBack(bucket: string, at: number): Promise<void> {
    return this.#counters.giveBack(bucket, WINDOW_MS, at);
  }

  /** Forgets the counters of past windows (the `rate-limits.prune` job, every minute). */
  prune(now: number): Promise<number> {
    return this.#counters.prune(now - WINDOW_MS);
  }
}

