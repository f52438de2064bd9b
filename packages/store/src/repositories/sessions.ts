/**
 * Sessions of signed-in staff. The secret travels in the cookie; only its
 * SHA-256 is stored. The CSRF token is kept in clear: pages embed it.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { StaffSession, StaffUser } from '../back-office.js';
import type { StaffSessionsTable } from '../schema/tables.js';
import { generateCsrfToken, generateSecret, hashSecret } from '../secrets.js';
import { revokeRow, type Db } from './shared.js';
import { getUser } from './staff-users.js';

const toSession = (row: Selectable<StaffSessionsTable>): StaffSession => ({
  id: row.id,
  user_id: row.user_id,
  csrf_token: row.csrf_token,
  created_at: row.created_at,
  expires_at: row.expires_at,
  last_seen_at: row.last_seen_at,
  revoked_at: row.revoked_at,
});

/** The secret is returned once, here, and never again. */
export async function createSession(
  db: Db,
  input: { user_id: string; ttl_ms: number; at?: number },
): Promise<{ session: StaffSession; secret: string }> {
  const secret = generateSecret('session');
  const at = input.at ?? Date.now();
  const row = {
    id: randomUUID(),
    user_id: input.user_id,
    secret_hash: hashSecret(secret),
    csrf_token: generateCsrfToken(),
    created_at: at,
    expires_at: at + input.ttl_ms,
    last_seen_at: at,
    revoked_at: null,
  };
  await db.insertInto('staff_sessions').values(row).execute();
  return { session: toSession(row), secret };
}

/** Not found once revoked, expired (`expires_at <= at`) or when the user is inactive. */
export async function findSession(db: Db, secret: string, at = Date.now()): Promise<{ session: StaffSession; user: StaffUser } | undefined> {
  const row = await db
    .selectFrom('staff_sessions')
    .selectAll()
    .where('secret_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  if (!row) return undefined;
  const user = await getUser(db, row.user_id);
  return user?.active ? { session: toSession(row), user } : undefined;
}

export async function touchSession(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** True when the session exists (revoking twice keeps the first revocation time). */
export function revokeSession(db: Db, id: string): Promise<boolean> {
  return revokeRow(db, 'staff_sessions', id);
}

/** The number of live sessions revoked. */
export async function revokeUserSessions(db: Db, user_id: string): Promise<number> {
  const result = await db
    .updateTable('staff_sessions')
    .set({ revoked_at: Date.now() })
    .where('user_id', '=', user_id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
