/** The jurisdiction scope written with a staff user or token, shared by both repositories. */
import type { StaffRole } from '../contract.js';
import { GLOBAL_SCOPE, writeScope, type JurisdictionScope } from '../scope.js';
import { PRIMARY_JURISDICTION_SETTING } from './jurisdictions.js';
import type { Db } from './shared.js';

/**
 * The stored scope of an account of `role`. Without one given: global for an
 * admin, the primary jurisdiction (if any) for the others, the same rule as
 * migration 0007 applied to the accounts that existed before scopes.
 */
export async function scopeToStore(db: Db, role: StaffRole, given: JurisdictionScope | undefined): Promise<string | null> {
  if (given === GLOBAL_SCOPE && role !== 'admin') throw new Error(`only admins may work on every jurisdiction, not a(n) ${role}`);
  if (given !== undefined) return writeScope(given);
  if (role === 'admin') return writeScope(GLOBAL_SCOPE);
  const primary = await db.selectFrom('settings').select('value').where('name', '=', PRIMARY_JURISDICTION_SETTING).executeTakeFirst();
  return writeScope(primary ? [primary.value] : []);
}
