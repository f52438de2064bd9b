/** Emptying a jurisdiction of its requests (the sandbox's scheduled reset). */
import { recordChange } from './request-changes.js';
import { inTransaction, type Db } from './shared.js';

/**
 * Deletes every request of the jurisdiction in one transaction; their history,
 * media and followers go with them (foreign keys cascade). Returns how many.
 */
export async function clearRequests(db: Db, jurisdiction_id: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const result = await trx.deleteFrom('requests').where('jurisdiction_id', '=', jurisdiction_id).executeTakeFirst();
    const n = Number(result.numDeletedRows);
    if (n > 0) await recordChange(trx, { jurisdiction_id, request_id: null, kind: 'rebuild', at: Date.now() });
    return n;
  });
}
