/** Inbox filters a staff user saved under a name; each user sees only their own. */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { SavedFilter } from '../back-office.js';
import type { SavedFiltersTable } from '../schema/tables.js';
import type { Db } from './shared.js';

const toSavedFilter = (row: Selectable<SavedFiltersTable>): SavedFilter => ({
  id: row.id,
  user_id: row.user_id,
  name: row.name,
  query: row.query,
});

export async function listSavedFilters(db: Db, user_id: string): Promise<SavedFilter[]> {
  const rows = await db.selectFrom('saved_filters').selectAll().where('user_id', '=', user_id).orderBy('name').orderBy('id').execute();
  return rows.map(toSavedFilter);
}

/** Inserts (without id, or with an unknown one) or updates; throws for another user's filter. */
export async function saveFilter(db: Db, f: Omit<SavedFilter, 'id'> & { id?: string }): Promise<SavedFilter> {
  const fields = { name: f.name, query: f.query };
  const row = await db
    .insertInto('saved_filters')
    .values({ id: f.id ?? randomUUID(), user_id: f.user_id, ...fields })
    .onConflict((oc) => oc.column('id').doUpdateSet(fields).where('saved_filters.user_id', '=', f.user_id))
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new Error(`saved filter "${f.id ?? ''}" belongs to another user`);
  return toSavedFilter(row);
}

export async function deleteSavedFilter(db: Db, user_id: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('saved_filters').where('id', '=', id).where('user_id', '=', user_id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
