/**
 * Jurisdictions: the tenants of the store, and which one is primary (a row of
 * the settings table, so that every process on the database agrees).
 */
import type { Selectable } from 'kysely';
import type { Jurisdiction } from '../contract.js';
import type { JurisdictionsTable } from '../schema/tables.js';
import { fromFlag, inTransaction, toFlag, type Db } from './shared.js';

/** The settings row naming the primary jurisdiction. */
export const PRIMARY_JURISDICTION_SETTING = 'primary_jurisdiction';

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

/**
 * In one transaction with the claim of the primary role (while nobody holds it),
 * so that a server never has jurisdictions and no primary by accident. Whether a
 * jurisdiction is a sandbox is fixed when it is created: an update (the staff
 * API's PUT knows no such field) never turns a sandbox into a city or back. A
 * sandbox never becomes primary.
 */
export async function saveJurisdiction(db: Db, j: Jurisdiction): Promise<Jurisdiction> {
  const fields = { name: j.name, contact: j.contact, key_service: j.key_service, timezone: j.timezone };
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto('jurisdictions')
      .values({ id: j.id, ...fields, sandbox: toFlag(j.sandbox === true), services_changed_at: Date.now() })
      .onConflict((oc) => oc.column('id').doUpdateSet(fields))
      .execute();
    const saved = (await getJurisdiction(trx, j.id))!;
    if (saved.sandbox !== true) {
      await trx
        .insertInto('settings')
        .values({ name: PRIMARY_JURISDICTION_SETTING, value: j.id })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    return saved;
  });
}

export async function primaryJurisdiction(db: Db): Promise<Jurisdiction | undefined> {
  const row = await db
    .selectFrom('jurisdictions')
    .innerJoin('settings', 'settings.value', 'jurisdictions.id')
    .selectAll('jurisdictions')
    .where('settings.name', '=', PRIMARY_JURISDICTION_SETTING)
    .executeTakeFirst();
  return row && toJurisdiction(row);
}

/** False when the jurisdiction does not exist or is a sandbox. */
export async function setPrimaryJurisdiction(db: Db, id: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const j = await getJurisdiction(trx, id);
    if (!j || j.sandbox) return false;
    await trx
      .insertInto('settings')
      .values({ name: PRIMARY_JURISDICTION_SETTING, value: id })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: id }))
      .execute();
    return true;
  });
}

/**
 * Deletes a jurisdiction that holds nothing. Refuses (false) while it still
 * has services or requests, and when it does not exist.
 */
export async function deleteJurisdiction(db: Db, id: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const service = await trx.selectFrom('services').select('service_code').where('jurisdiction_id', '=', id).limit(1).executeTakeFirst();
    if (service) return false;
    const request = await trx.selectFrom('requests').select('id').where('jurisdiction_id', '=', id).limit(1).executeTakeFirst();
    if (request) return false;
    const result = await trx.deleteFrom('jurisdictions').where('id', '=', id).executeTakeFirst();
    await trx.deleteFrom('settings').where('name', '=', PRIMARY_JURISDICTION_SETTING).where('value', '=', id).execute();
    return result.numDeletedRows > 0n;
  });
}
