/**
 * "Me too" supporters (supporters.ts). Adding is one transaction: find a
 * support any of the keys already belongs to, else start a new one, then
 * insert the keys not stored yet (doing nothing on a conflict, so two clicks
 * at once never fail; at worst a concurrent pair counts as two supports of
 * different keys, which they are).
 */
import { randomUUID } from 'node:crypto';
import { hashSecret } from '../secrets.js';
import { MAX_SUPPORTER_KEYS, MAX_SUPPORTER_KEY_LENGTH, type NewSupport, type SupportOutcome, type SupporterStore } from '../supporters.js';
import { parseRowId, parseRowIds, type Db } from './shared.js';

function hashedKeys(keys: readonly string[]): string[] {
  if (keys.length === 0 || keys.length > MAX_SUPPORTER_KEYS) throw new RangeError(`a support needs 1 to ${MAX_SUPPORTER_KEYS} keys`);
  if (keys.some((k) => k.length === 0 || k.length > MAX_SUPPORTER_KEY_LENGTH)) throw new RangeError('a supporter key is empty or too long');
  return [...new Set(keys.map(hashSecret))];
}

/** Distinct supports of one request of a jurisdiction (two keys of one support count once). */
async function countOf(db: Db, jurisdiction_id: string, request_id: number): Promise<number> {
  const row = await db
    .selectFrom('supporters')
    .select((eb) => eb.fn.count<number | string>('support_id').distinct().as('n'))
    .where('request_id', '=', request_id)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function add(db: Db, s: NewSupport): Promise<SupportOutcome> {
  const hashes = hashedKeys(s.keys);
  const request_id = parseRowId(s.request_id);
  if (request_id === undefined) return { ok: false, reason: 'unknown-request' };
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('requests')
      .select('id')
      .where('id', '=', request_id)
      .where('jurisdiction_id', '=', s.jurisdiction_id)
      .executeTakeFirst();
    if (!request) return { ok: false, reason: 'unknown-request' } as const;
    const earlier = await trx
      .selectFrom('supporters')
      .select(['support_id', 'key_hash'])
      .where('request_id', '=', request_id)
      .where('key_hash', 'in', hashes)
      .execute();
    const support_id = earlier[0]?.support_id ?? randomUUID();
    const known = new Set(earlier.map((r) => r.key_hash));
    const rows = hashes
      .filter((h) => !known.has(h))
      .map((key_hash) => ({ request_id, key_hash, support_id, jurisdiction_id: s.jurisdiction_id, created_at: s.at }));
    if (rows.length > 0) {
      await trx.insertInto('supporters').values(rows).onConflict((oc) => oc.columns(['request_id', 'key_hash']).doNothing()).execute();
    }
    return { ok: true, added: earlier.length === 0, count: await countOf(trx, s.jurisdiction_id, request_id) } as const;
  });
}

async function count(db: Db, jurisdiction_id: string, request_id: string): Promise<number> {
  const id = parseRowId(request_id);
  return id === undefined ? 0 : countOf(db, jurisdiction_id, id);
}

async function counts(db: Db, jurisdiction_id: string, request_ids: readonly string[]): Promise<Map<string, number>> {
  const ids = parseRowIds(request_ids);
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('supporters')
    .select((eb) => ['request_id', eb.fn.count<number | string>('support_id').distinct().as('n')])
    .where('request_id', 'in', ids)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((r) => [String(r.request_id), Number(r.n)]));
}

async function supports(db: Db, jurisdiction_id: string, request_id: string, keys: readonly string[]): Promise<boolean> {
  const id = parseRowId(request_id);
  if (id === undefined || keys.length === 0) return false;
  const row = await db
    .selectFrom('supporters')
    .select('support_id')
    .where('request_id', '=', id)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('key_hash', 'in', hashedKeys(keys))
    .executeTakeFirst();
  return row !== undefined;
}

export const supporterStore = (db: Db): SupporterStore => ({
  add: (s) => add(db, s),
  count: (j, id) => count(db, j, id),
  counts: (j, ids) => counts(db, j, ids),
  supports: (j, id, keys) => supports(db, j, id, keys),
});
