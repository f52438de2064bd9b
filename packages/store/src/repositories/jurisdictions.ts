/** Jurisdictions: the tenants of the store. */
import type { Selectable } from 'kysely';
import type { Jurisdiction } from '../contract.js';
import type { JurisdictionsTable } from '../schema/tables.js';
import { fromFlag, toFlag, type Db } from './shared.js';

const toJurisdiction = (row: Selectable<JurisdictionsTable>): Jurisdiction => ({
  id: row.id,
  name: row.name,
  contact: row.contact,
  key_service: row.key_service,
  timezone: row.timezone,
  ...(fromFlag(row.sandbox) ? { sandbox: true } : {}),
});

export async function listJurisdictions(db: Db): Promise<Jurisdiction[]> {
  const rows = await db.selectFrom('jurisdictions').selectAll().orderBy('id').execute();
  return rows.map(toJurisdiction);
}

export async function getJurisdiction(db: Db, id: string): Promise<Jurisdiction | undefined> {
  const row = await db.selectFrom('jurisdictions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJurisdiction(row);
}

export async function saveJurisdiction(db: Db, j: Jurisdiction): Promise<Jurisdiction> {
  const fields = { name: j.name, contact: j.contact, key_service: j.key_service, timezone: j.timezone, sandbox: toFlag(j.sandbox === true) };
  await db
    .insertInto('jurisdictions')
    .values({ id: j.id, ...fields, services_changed_at: Date.now() })
    .onConflict((oc) => oc.column('id').doUpdateSet(fields))
    .execute();
  return { id: j.id, name: j.name, contact: j.contact, key_service: j.key_service, timezone: j.timezone, ...(j.sandbox ? { sandbox: true } : {}) };
}

/**
 * Deletes a jurisdiction that holds nothing. Refuses (false) while it still
 * has services or requests, and when it does not exist.
 */
export async function deleteJurisdiction(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const service = await trx.selectFrom('services').select('service_code').where('jurisdiction_id', '=', id).limit(1).executeTakeFirst();
    if (service) return false;
    const request = await trx.selectFrom('requests').select('id').where('jurisdiction_id', '=', id).limit(1).executeTakeFirst();
    if (request) return false;
    const result = await trx.deleteFrom('jurisdictions').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}
