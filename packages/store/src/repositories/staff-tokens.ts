/** Bearer tokens of staff users (CRM, admin API). Only the SHA-256 of a secret is stored. */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { StaffRole, StaffToken } from '../contract.js';
import type { StaffTokensTable } from '../schema/tables.js';
import { readScope, scopeWithin, type JurisdictionScope } from '../scope.js';
import { generateSecret, hashSecret } from '../secrets.js';
import { readRole, revokeRow, type Db } from './shared.js';
import { scopeToStore } from './staff-scope.js';

const toStaffToken = (row: Selectable<StaffTokensTable>): StaffToken => ({
  id: row.id,
  name: row.name,
  role: readRole(row.role),
  jurisdictions: readScope(row.jurisdiction_scope),
  created_at: row.created_at,
  revoked_at: row.revoked_at,
});

/** The secret is returned once, here, and never again. */
export async function createStaffToken(
  db: Db,
  input: { name: string; role: StaffRole; jurisdictions?: JurisdictionScope },
): Promise<{ token: StaffToken; secret: string }> {
  const secret = generateSecret('staff_token');
  const role = readRole(input.role);
  const row = {
    id: randomUUID(),
    name: input.name,
    role,
    jurisdiction_scope: await scopeToStore(db, role, input.jurisdictions),
    secret_hash: hashSecret(secret),
    created_at: Date.now(),
    revoked_at: null,
  };
  await db.insertInto('staff_tokens').values(row).execute();
  return { token: toStaffToken(row), secret };
}

/** The active token with this secret; revoked tokens are not found. */
export async function findStaffToken(db: Db, secret: string): Promise<StaffToken | undefined> {
  const row = await db
    .selectFrom('staff_tokens')
    .selectAll()
    .where('secret_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && toStaffToken(row);
}

/** A handful of rows: the scope is compared here rather than in SQL over JSON. */
export async function listStaffTokens(db: Db, within?: JurisdictionScope): Promise<StaffToken[]> {
  const rows = await db.selectFrom('staff_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
  const tokens = rows.map(toStaffToken);
  return within === undefined ? tokens : tokens.filter((t) => scopeWithin(t.jurisdictions, within));
}

/** True when the token exists (revoking twice keeps the first revocation time). */
export function revokeStaffToken(db: Db, id: string): Promise<boolean> {
  return revokeRow(db, 'staff_tokens', id);
}
