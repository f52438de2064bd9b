/**
 * New requests under an Idempotency-Key (see idempotency.ts). The claim is an
 * insert that does nothing on conflict, the first statement of the request's
 * transaction: on PostgreSQL a second claim of the same key blocks there until
 * the first transaction ends, then either inserts (the first rolled back) or
 * finds the committed row; on SQLite the one writer takes them in turn, also
 * within one group commit. No claim ever fails with a unique violation, so
 * it cannot fail the other writes of its group.
 */
import type { CreatedRequest, NewRequest } from '../contract.js';
import { IdempotencyKeyReused, type IdempotencyKeys } from '../idempotency.js';
import { createRequest, getRequest } from './requests.js';
import type { Db } from './shared.js';

/** Runs inside the caller's transaction, like createRequest. */
export async function createRequestOnce(trx: Db, r: NewRequest): Promise<CreatedRequest> {
  const claim = r.idempotency;
  if (claim === undefined) return createRequest(trx, r);
  const api_key_id = r.api_key_id;
  if (api_key_id === null) throw new Error('an idempotency key needs the api_key_id it belongs to');
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ api_key_id, idempotency_key: claim.key, fingerprint: claim.fingerprint, request_id: null, created_at: Date.now() })
    .onConflict((oc) => oc.columns(['api_key_id', 'idempotency_key']).doNothing())
    .returning('api_key_id')
    .executeTakeFirst();
  if (claimed) {
    const created = await createRequest(trx, r);
    await trx
      .updateTable('idempotency_keys')
      .set({ request_id: Number(created.id) })
      .where('api_key_id', '=', api_key_id)
      .where('idempotency_key', '=', claim.key)
      .execute();
    return created;
  }
  const earlier = await trx
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'request_id'])
    .where('api_key_id', '=', api_key_id)
    .where('idempotency_key', '=', claim.key)
    .executeTakeFirstOrThrow();
  if (earlier.fingerprint !== claim.fingerprint) throw new IdempotencyKeyReused();
  // request_id is set by the claiming transaction, which has committed (or ran earlier in this one).
  const request = await getRequest(trx, r.jurisdiction_id, String(earlier.request_id));
  // The same fingerprint for another jurisdiction or service is a different submission all the same.
  if (request === undefined || request.service_code !== r.service_code) throw new IdempotencyKeyReused();
  return { ...request, replayed: true };
}

export async function prune(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const idempotencyKeys = (db: Db): IdempotencyKeys => ({
  prune: (before) => prune(db, before),
});
