/** Departments of a jurisdiction: where requests and staff users are assigned. */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Department } from '../back-office.js';
import type { DepartmentsTable } from '../schema/tables.js';
import type { Db } from './shared.js';

const toDepartment = (row: Selectable<DepartmentsTable>): Department => ({
  id: row.id,
  jurisdiction_id: row.jurisdiction_id,
  name: row.name,
  email: row.email,
});

export async function listDepartments(db: Db, jurisdiction_id: string): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().where('jurisdiction_id', '=', jurisdiction_id).orderBy('name').orderBy('id').execute();
  return rows.map(toDepartment);
}

export async function getDepartment(db: Db, id: string): Promise<Department | undefined> {
  const row = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDepartment(row);
}

/** Inserts (without id, or with an unknown one) or updates. */
export async function saveDepartment(db: Db, d: Omit<Department, 'id'> & { id?: string }): Promise<Department> {
  const fields = { jurisdiction_id: d.jurisdiction_id, name: d.name, email: d.email };
  const row = await db
    .insertInto('departments')
    .values({ id: d.id ?? randomUUID(), ...fields })
    .onConflict((oc) => oc.column('id').doUpdateSet(fields))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDepartment(row);
}

/** Refuses (false) while requests or users are assigned to it, and when it does not exist. */
export async function deleteDepartment(db: Db, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('requests').select('id').where('assigned_department_id', '=', id).limit(1).executeTakeFirst();
    if (request) return false;
    const user = await trx.selectFrom('staff_users').select('id').where('department_id', '=', id).limit(1).executeTakeFirst();
    if (user) return false;
    const result = await trx.deleteFrom('departments').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  });
}
