/**
 * Fixed-window rate-limit counters in one table, so every process on the
 * database counts against the same limit. A hit is one upsert: it starts a new
 * window, or adds one to the current window only while it is under the limit
 * (the update's WHERE), so two processes can never both take the last unit.
 */
import { sql } from 'kysely';
import type { RateDecision, RateLimitCounters } from '../contract.js';
import type { Db } from './shared.js';

const windowOf = (at: number, windowMs: number): number => Math.floor(at / windowMs) * windowMs;

export async function take(db: Db, bucket: string, limit: number, windowMs: number, now: number): Promise<RateDecision> {
  if (!(limit > 0)) return { allowed: true };
  const window_start = windowOf(now, windowMs);
  const counted = await db
    .insertInto('rate_limits')
    .values({ bucket, window_start, hits: 1 })
    .onConflict((oc) =>
      oc
        .column('bucket')
        .doUpdateSet({
          // A clock behind the stored window counts into it rather than resetting it.
          hits: sql<number>`case when excluded.window_start > rate_limits.window_start then 1 else rate_limits.hits + 1 end`,
          window_start: sql<number>`case when excluded.window_start > rate_limits.window_start then excluded.window_start else rate_limits.window_start end`,
        })
        .where(sql<boolean>`excluded.window_start > rate_limits.window_start or rate_limits.hits < ${limit}`),
    )
    .returning('hits')
    .executeTakeFirst();
  if (counted) return { allowed: true };
  const row = await db.selectFrom('rate_limits').select('window_start').where('bucket', '=', bucket).executeTakeFirst();
  const ends = (row?.window_start ?? window_start) + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((ends - now) / 1000)) };
}

export async function giveBack(db: Db, bucket: string, windowMs: number, at: number): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ hits: sql<number>`hits - 1` })
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowOf(at, windowMs))
    .where('hits', '>', 0)
    .execute();
}

export async function prune(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const rateLimitCounters = (db: Db): RateLimitCounters => ({
  take: (bucket, limit, windowMs, now) => take(db, bucket, limit, windowMs, now),
  giveBack: (bucket, windowMs, at) => giveBack(db, bucket, windowMs, at),
  prune: (before) => prune(db, before),
});
