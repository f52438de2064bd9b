/**
 * Staff accounts of the back office: e-mail (lower-cased, unique), role,
 * the password hash the caller computed, and the failed-login lock-out.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable, Updateable } from 'kysely';
import type { NewStaffUser, StaffUser, StaffUserPatch, UserCreation } from '../back-office.js';
import type { StaffUsersTable } from '../schema/tables.js';
import { GLOBAL_SCOPE, readScope, scopeWithin, type JurisdictionScope } from '../scope.js';
import { fromFlag, isUniqueViolation, readRole, toFlag, type Db } from './shared.js';
import { scopeToStore } from './staff-scope.js';

/** E-mail addresses are compared in this form. */
const normalEmail = (email: string): string => email.toLowerCase();

export const toStaffUser = (row: Selectable<StaffUsersTable>): StaffUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: readRole(row.role),
  jurisdictions: readScope(row.jurisdiction_scope),
  department_id: row.department_id,
  call_taker: fromFlag(row.call_taker),
  active: fromFlag(row.active),
  locale: row.locale,
  created_at: row.created_at,
  failed_logins: row.failed_logins,
  locked_until: row.locked_until,
});

/**
 * A taken e-mail address (whatever its case) is a reason, not an error, also
 * when a concurrent creation takes it first (the unique constraint decides).
 */
export async function addUser(db: Db, u: NewStaffUser): Promise<UserCreation> {
  const role = readRole(u.role);
  const row = {
    id: randomUUID(),
    email: normalEmail(u.email),
    name: u.name,
    role,
    jurisdiction_scope: await scopeToStore(db, role, u.jurisdictions),
    department_id: u.department_id,
    password_hash: u.password_hash,
    call_taker: toFlag(u.call_taker ?? false),
    active: 1,
    locale: u.locale ?? null,
    created_at: Date.now(),
    failed_logins: 0,
    locked_until: null,
  };
  try {
    return await db.transaction().execute(async (trx): Promise<UserCreation> => {
      if (await findUserByEmail(trx, row.email)) return { ok: false, reason: 'email-taken' };
      await trx.insertInto('staff_users').values(row).execute();
      return { ok: true, user: toStaffUser(row) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, reason: 'email-taken' };
    throw e;
  }
}

/** For seeding and tests, which know the address is free: throws when it is taken. */
export async function createUser(db: Db, u: NewStaffUser): Promise<StaffUser> {
  const added = await addUser(db, u);
  if (!added.ok) throw new Error(`a staff user with the e-mail "${normalEmail(u.email)}" exists`);
  return added.user;
}

export async function getUser(db: Db, id: string): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toStaffUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<(StaffUser & { password_hash: string }) | undefined> {
  const row = await db.selectFrom('staff_users').selectAll().where('email', '=', normalEmail(email)).executeTakeFirst();
  return row && { ...toStaffUser(row), password_hash: row.password_hash };
}

/** A handful of rows: the scope is compared here rather than in SQL over JSON. */
export async function listUsers(db: Db, within?: JurisdictionScope): Promise<StaffUser[]> {
  const rows = await db.selectFrom('staff_users').selectAll().orderBy('email').execute();
  const users = rows.map(toStaffUser);
  return within === undefined ? users : users.filter((u) => scopeWithin(u.jurisdictions, within));
}

/** Undefined when there is no such user; an empty patch reads the user. */
export async function updateUser(db: Db, id: string, patch: StaffUserPatch): Promise<StaffUser | undefined> {
  const set: Updateable<StaffUsersTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role !== undefined) set.role = readRole(patch.role);
  if (patch.department_id !== undefined) set.department_id = patch.department_id;
  if (patch.call_taker !== undefined) set.call_taker = toFlag(patch.call_taker);
  if (patch.active !== undefined) set.active = toFlag(patch.active);
  if (patch.locale !== undefined) set.locale = patch.locale;
  if (patch.password_hash !== undefined) set.password_hash = patch.password_hash;
  if (patch.role === undefined && patch.jurisdictions === undefined) {
    if (Object.keys(set).length === 0) return getUser(db, id);
    const row = await db.updateTable('staff_users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row && toStaffUser(row);
  }
  // Role and scope are checked together, against the row as it is in this transaction.
  return db.transaction().execute(async (trx) => {
    const before = await getUser(trx, id);
    if (!before) return undefined;
    const role = patch.role ?? before.role;
    const kept = patch.jurisdictions ?? (before.jurisdictions === GLOBAL_SCOPE && role !== 'admin' ? undefined : before.jurisdictions);
    set.jurisdiction_scope = await scopeToStore(trx, role, kept);
    const row = await trx.updateTable('staff_users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row && toStaffUser(row);
  });
}

/** One statement, so that concurrent failures all count. */
export async function recordLoginFailure(
  db: Db,
  id: string,
  at: number,
  lockout: { maxFailures: number; lockMs: number },
): Promise<StaffUser | undefined> {
  const row = await db
    .updateTable('staff_users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      locked_until: eb
        .case()
        .when(eb('failed_logins', '+', 1), '>=', lockout.maxFailures)
        .then(at + lockout.lockMs)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toStaffUser(row);
}

export async function recordLoginSuccess(db: Db, id: string): Promise<void> {
  await db.updateTable('staff_users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}
