/** Response templates: canned status notes of a jurisdiction. */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ResponseTemplate } from '../back-office.js';
import type { ResponseTemplatesTable } from '../schema/tables.js';
import { readStatus, type Db } from './shared.js';

const toTemplate = (row: Selectable<ResponseTemplatesTable>): ResponseTemplate => ({
  id: row.id,
  jurisdiction_id: row.jurisdiction_id,
  name: row.name,
  body: row.body,
  status: row.status === null ? null : readStatus(row.status),
});

export async function listTemplates(db: Db, jurisdiction_id: string): Promise<ResponseTemplate[]> {
  const rows = await db.selectFrom('response_templates').selectAll().where('jurisdiction_id', '=', jurisdiction_id).orderBy('name').orderBy('id').execute();
  return rows.map(toTemplate);
}

/** Inserts (without id, or with an unknown one) or updates. */
export async function saveTemplate(db: Db, t: Omit<ResponseTemplate, 'id'> & { id?: string }): Promise<ResponseTemplate> {
  const fields = { jurisdiction_id: t.jurisdiction_id, name: t.name, body: t.body, status: t.status === null ? null : readStatus(t.status) };
  const row = await db
    .insertInto('response_templates')
    .values({ id: t.id ?? randomUUID(), ...fields })
    .onConflict((oc) => oc.column('id').doUpdateSet(fields))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTemplate(row);
}

export async function deleteTemplate(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('response_templates').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
