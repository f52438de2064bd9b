/** The request change feed (changes.ts): written inside each request write's transaction, read by consumers. */
import { sql } from 'kysely';
import { CHANGE_GAP_WAIT_MS, type RequestChange, type RequestChangeKind, type RequestChanges } from '../changes.js';
import type { Db } from './shared.js';

/** Records one change; call inside the transaction of the write it describes. */
export async function recordChange(
  trx: Db, change: { jurisdiction_id: string; request_id: number | null; kind: RequestChangeKind; at: number },
): Promise<void> {
  await trx.insertInto('request_changes').values(change).execute();
}

/** `updated`, or `closed` when the write moved the request from open to closed. */
export const changeKindOf = (before: 'open' | 'closed' | string, after: 'open' | 'closed' | string): RequestChangeKind =>
  before !== 'closed' && after === 'closed' ? 'closed' : 'updated';

export function requestChanges(db: Db): RequestChanges {
  return {
    async after(cursor, limit, now) {
      const rows = await db
        .selectFrom('request_changes')
        .selectAll()
        .where('id', '>', cursor)
        .orderBy('id')
        .limit(Math.max(1, Math.min(limit, 10_000)))
        .execute();
      const out: RequestChange[] = [];
      let expected = cursor + 1;
      for (const row of rows) {
        const id = Number(row.id);
        // A gap may be a transaction that took its id earlier and has not committed yet.
        if (id !== expected && Number(row.at) > now - CHANGE_GAP_WAIT_MS) break;
        out.push({
          id,
          jurisdiction_id: row.jurisdiction_id,
          request_id: row.request_id === null ? null : String(row.request_id),
          kind: row.kind as RequestChangeKind,
          at: Number(row.at),
        });
        expected = id + 1;
      }
      return out;
    },

    async cursor(consumer) {
      const row = await db.selectFrom('change_cursors').select('position').where('consumer', '=', consumer).executeTakeFirst();
      return row ? Number(row.position) : 0;
    },

    async saveCursor(consumer, value) {
      const now = Date.now();
      await db
        .insertInto('change_cursors')
        .values({ consumer, position: value, updated_at: now })
        .onConflict((oc) =>
          oc.column('consumer').doUpdateSet({
            position: sql<number>`case when excluded.position > change_cursors.position then excluded.position else change_cursors.position end`,
            updated_at: now,
          }),
        )
        .execute();
    },

    async latest() {
      const row = await db.selectFrom('request_changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      return row?.id == null ? 0 : Number(row.id);
    },

    async prune(before) {
      const slowest = await db.selectFrom('change_cursors').select((eb) => eb.fn.min('position').as('p')).executeTakeFirst();
      const passed = slowest?.p == null ? 0 : Number(slowest.p);
      const result = await db
        .deleteFrom('request_changes')
        .where('at', '<', before)
        .where('id', '<=', passed)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
