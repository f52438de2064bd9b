/** The login throttle's failures and known pairs (login-attempts.ts), one statement or transaction per call. */
import { sql } from 'kysely';
import type { FailureCount, LoginAttempts } from '../login-attempts.js';
import type { Db } from './shared.js';

export function loginAttempts(db: Db): LoginAttempts {
  return {
    async countFailures(keys, since) {
      const counts = new Map<string, FailureCount>();
      if (keys.length === 0) return counts;
      const rows = await db
        .selectFrom('login_failures')
        .select((eb) => ['key', eb.fn.countAll<number | string | bigint>().as('count'), eb.fn.min('at').as('first'), eb.fn.max('at').as('last')])
        .where('key', 'in', [...keys])
        .where('at', '>=', since)
        .groupBy('key')
        .execute();
      for (const r of rows) counts.set(r.key, { count: Number(r.count), first: Number(r.first), last: Number(r.last) });
      return counts;
    },

    async recordFailure(keys, at, forgetBefore) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('login_failures').where('at', '<', forgetBefore).execute();
        if (keys.length > 0) await trx.insertInto('login_failures').values(keys.map((key) => ({ key, at }))).execute();
      });
    },

    async recordSuccess(clear, known, at) {
      await db.transaction().execute(async (trx) => {
        if (clear.length > 0) await trx.deleteFrom('login_failures').where('key', 'in', [...clear]).execute();
        await trx
          .insertInto('login_known_pairs')
          .values({ key: known, last_success_at: at })
          .onConflict((oc) => oc.column('key').doUpdateSet({ last_success_at: sql`excluded.last_success_at` }))
          .execute();
      });
    },

    async isKnown(known) {
      const row = await db.selectFrom('login_known_pairs').select('key').where('key', '=', known).executeTakeFirst();
      return row !== undefined;
    },
  };
}
