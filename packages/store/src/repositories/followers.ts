/**
 * Citizens following a request by e-mail, with double opt-in. The confirm link
 * carries a secret of which only the SHA-256 is stored; the unsubscribe secret
 * is stored as is, because every update e-mail must carry it.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Follower } from '../back-office.js';
import type { FollowersTable } from '../schema/tables.js';
import { generateSecret, hashSecret } from '../secrets.js';
import { parseRowId, type Db } from './shared.js';

export const toFollower = (row: Selectable<FollowersTable>): Follower => ({
  id: row.id,
  jurisdiction_id: row.jurisdiction_id,
  request_id: String(row.request_id),
  email: row.email,
  created_at: row.created_at,
  confirmed_at: row.confirmed_at,
  locale: row.locale,
});

/**
 * One follower per (request, e-mail in any case). A repeat keeps the follower,
 * its confirmation and its unsubscribe secret, and replaces the confirm secret
 * and the language.
 * Throws when the request does not exist in the jurisdiction.
 */
export async function addFollower(
  db: Db,
  input: { jurisdiction_id: string; request_id: string; email: string; locale?: string | null; at?: number },
): Promise<{ follower: Follower; confirmSecret: string; unsubscribeSecret: string }> {
  const request_id = parseRowId(input.request_id);
  const confirmSecret = generateSecret('follower');
  const confirm_hash = hashSecret(confirmSecret);
  const locale = input.locale ?? null;
  return db.transaction().execute(async (trx) => {
    const request =
      request_id === undefined
        ? undefined
        : await trx
            .selectFrom('requests')
            .select('id')
            .where('id', '=', request_id)
            .where('jurisdiction_id', '=', input.jurisdiction_id)
            .executeTakeFirst();
    if (!request) throw new Error(`unknown request "${input.request_id}" in jurisdiction "${input.jurisdiction_id}"`);
    const row = await trx
      .insertInto('followers')
      .values({
        id: randomUUID(),
        jurisdiction_id: input.jurisdiction_id,
        request_id: request.id,
        email: input.email.toLowerCase(),
        created_at: input.at ?? Date.now(),
        confirmed_at: null,
        locale,
        confirm_hash,
        unsubscribe_secret: generateSecret('follower'),
      })
      .onConflict((oc) => oc.columns(['request_id', 'email']).doUpdateSet({ confirm_hash, locale }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { follower: toFollower(row), confirmSecret, unsubscribeSecret: row.unsubscribe_secret };
  });
}

/** Idempotent: a second click keeps the first confirmation time. */
export async function confirmFollower(db: Db, confirmSecret: string, at = Date.now()): Promise<Follower | undefined> {
  const row = await db
    .updateTable('followers')
    .set((eb) => ({ confirmed_at: eb.fn.coalesce('confirmed_at', eb.val(at)) }))
    .where('confirm_hash', '=', hashSecret(confirmSecret))
    .returningAll()
    .executeTakeFirst();
  return row && toFollower(row);
}

/** The follower an unsubscribe link names, without removing it (the page that asks "stop?"). */
export async function findByUnsubscribe(db: Db, unsubscribeSecret: string): Promise<Follower | undefined> {
  const row = await db.selectFrom('followers').selectAll().where('unsubscribe_secret', '=', unsubscribeSecret).executeTakeFirst();
  return row && toFollower(row);
}

export async function unsubscribe(db: Db, unsubscribeSecret: string): Promise<Follower | undefined> {
  const row = await db.deleteFrom('followers').where('unsubscribe_secret', '=', unsubscribeSecret).returningAll().executeTakeFirst();
  return row && toFollower(row);
}

/** Oldest first. */
export async function listConfirmedFollowers(
  db: Db,
  jurisdiction_id: string,
  request_id: string,
): Promise<(Follower & { unsubscribeSecret: string })[]> {
  const id = parseRowId(request_id);
  if (id === undefined) return [];
  const rows = await db
    .selectFrom('followers')
    .selectAll()
    .where('request_id', '=', id)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('confirmed_at', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...toFollower(row), unsubscribeSecret: row.unsubscribe_secret }));
}
