/** Services (request types) with their attributes and translations. */
import type { Selectable } from 'kysely';
import type { Attribute, ServiceType } from '@o311/georeport';
import type { BlackboxReceipt, NewService, ServiceRecord, ServiceTranslation } from '../contract.js';
import type { ServicesTable } from '../schema/tables.js';
import { fromFlag, inTransaction, parseJson, toFlag, type Db, type Trx } from './shared.js';

const toService = (row: Selectable<ServicesTable>): ServiceRecord => ({
  jurisdiction_id: row.jurisdiction_id,
  service_code: row.service_code,
  service_name: row.service_name,
  description: row.description,
  type: row.type as ServiceType,
  keywords: row.keywords,
  group: row.service_group,
  active: fromFlag(row.active),
  agency_responsible: row.agency_responsible,
  service_notice: row.service_notice,
  sla_hours: row.sla_hours,
  attributes: parseJson<Attribute[]>(row.attributes),
  translations: parseJson<Record<string, ServiceTranslation>>(row.translations),
  blackbox_receipt: row.blackbox_receipt as BlackboxReceipt,
  updated_at: row.updated_at,
});

export async function listServices(db: Db, jurisdiction_id: string, includeInactive = false): Promise<ServiceRecord[]> {
  let q = db.selectFrom('services').selectAll().where('jurisdiction_id', '=', jurisdiction_id);
  if (!includeInactive) q = q.where('active', '=', 1);
  const rows = await q.orderBy('service_code').execute();
  return rows.map(toService);
}

export async function getService(db: Db, jurisdiction_id: string, code: string): Promise<ServiceRecord | undefined> {
  const row = await db
    .selectFrom('services')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('service_code', '=', code)
    .executeTakeFirst();
  return row && toService(row);
}

/**
 * Moves the jurisdiction's service changeset forward and returns the new
 * stamp: now, or one past the previous stamp when the clock has not moved,
 * so that every change is visible to discovery clients.
 */
async function touchServices(trx: Trx, jurisdiction_id: string): Promise<number> {
  const j = await trx
    .selectFrom('jurisdictions')
    .select('services_changed_at')
    .where('id', '=', jurisdiction_id)
    .executeTakeFirst();
  if (!j) throw new Error(`unknown jurisdiction "${jurisdiction_id}"`);
  const stamp = Math.max(Date.now(), j.services_changed_at + 1);
  await trx.updateTable('jurisdictions').set({ services_changed_at: stamp }).where('id', '=', jurisdiction_id).execute();
  return stamp;
}

/** Inserts or replaces a service; a rename is carried to the requests' denormalised name. */
export async function saveService(db: Db, s: NewService): Promise<ServiceRecord> {
  return inTransaction(db, async (trx) => {
    const updated_at = await touchServices(trx, s.jurisdiction_id);
    const previous = await trx
      .selectFrom('services')
      .select('service_name')
      .where('jurisdiction_id', '=', s.jurisdiction_id)
      .where('service_code', '=', s.service_code)
      .executeTakeFirst();
    const fields = {
      service_name: s.service_name,
      description: s.description,
      type: s.type,
      keywords: s.keywords,
      service_group: s.group,
      active: toFlag(s.active),
      agency_responsible: s.agency_responsible,
      service_notice: s.service_notice,
      sla_hours: s.sla_hours,
      attributes: JSON.stringify(s.attributes),
      translations: JSON.stringify(s.translations),
      blackbox_receipt: s.blackbox_receipt ?? 'none',
      updated_at,
    };
    const row = await trx
      .insertInto('services')
      .values({ jurisdiction_id: s.jurisdiction_id, service_code: s.service_code, ...fields })
      .onConflict((oc) => oc.columns(['jurisdiction_id', 'service_code']).doUpdateSet(fields))
      .returningAll()
      .executeTakeFirstOrThrow();
    if (previous && previous.service_name !== s.service_name) {
      await trx
        .updateTable('requests')
        .set({ service_name: s.service_name })
        .where('jurisdiction_id', '=', s.jurisdiction_id)
        .where('service_code', '=', s.service_code)
        .execute();
    }
    return toService(row);
  });
}

/** Requests of a deleted service keep their code and name. */
export async function deleteService(db: Db, jurisdiction_id: string, code: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .deleteFrom('services')
      .where('jurisdiction_id', '=', jurisdiction_id)
      .where('service_code', '=', code)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) return false;
    await touchServices(trx, jurisdiction_id);
    return true;
  });
}

/** The discovery changeset of the jurisdiction's services; 0 when it is unknown. */
export async function servicesChangedAt(db: Db, jurisdiction_id: string): Promise<number> {
  const row = await db
    .selectFrom('jurisdictions')
    .select('services_changed_at')
    .where('id', '=', jurisdiction_id)
    .executeTakeFirst();
  return row?.services_changed_at ?? 0;
}
