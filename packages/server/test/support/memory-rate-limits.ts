/** Fixed-window counters in a Map, for unit tests with a fake store. (Test support.) */
import type { RateLimitCounters } from '@o311/store';

export function memoryRateLimits(): RateLimitCounters {
  const buckets = new Map<string, { start: number; hits: number }>();
  return {
    async take(bucket, limit, windowMs, now) {
      if (!(limit > 0)) return { allowed: true };
      const start = Math.floor(now / windowMs) * windowMs;
      const b = buckets.get(bucket);
      if (!b || b.start < start) buckets.set(bucket, { start, hits: 1 });
      else if (b.hits < limit) b.hits += 1;
      else return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((b.start + windowMs - now) / 1000)) };
      return { allowed: true };
    },
    async giveBack(bucket, windowMs, at) {
      const b = buckets.get(bucket);
      if (b && b.start === Math.floor(at / windowMs) * windowMs && b.hits > 0) b.hits -= 1;
    },
    async prune(before) {
      let n = 0;
      for (const [k, b] of buckets) if (b.start < before && buckets.delete(k)) n += 1;
      return n;
    },
  };
}
