/**
 * In-process limits (e.g. follow-by-email confirmations): an exact sliding window of one minute kept in memory.
 * Each key holds a ring of the timestamps of its last `limit` accepted calls, so a
 * check is O(1) and memory is O(limit) per key. A call is allowed when fewer than
 * `limit` calls were accepted in the last 60 s; otherwise the caller learns when
 * the oldest of them leaves the window (Retry-After).
 *
 * In-memory state is per process: with several server processes each enforces the
 * limit on its own share of the traffic (API keys use SharedRateLimiter).
 */

export const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Ring {
  limit: number;
  stamps: Float64Array;
  /** Index of the oldest stamp. */
  head: number;
  size: number;
}

export class SlidingWindowLimiter {
  readonly #rings = new Map<string, Ring>();

  /** Records the call when allowed. `limit` 0 (or less) means unlimited. */
  hit(key: string, limit: number, now: number): RateDecision {
    if (!(limit > 0)) return { allowed: true };
    let ring = this.#rings.get(key);
    if (!ring || ring.limit !== limit) {
      ring = { limit, stamps: new Float64Array(limit), head: 0, size: 0 };
      this.#rings.set(key, ring);
    }
    if (ring.size < limit) {
      ring.stamps[(ring.head + ring.size) % limit] = now;
      ring.size += 1;
      return { allowed: true };
    }
    const oldest = ring.stamps[ring.head] ?? 0;
    if (oldest <= now - WINDOW_MS) {
      // The oldest call left the window: it is replaced by this one.
      ring.stamps[ring.head] = now;
      ring.head = (ring.head + 1) % limit;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
  }

  /** Forget a key (e.g. after it was revoked). */
  forget(key: string): void {
    this.#rings.delete(key);
  }
}
