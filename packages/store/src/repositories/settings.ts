/** Named values shared by every process on the database. */
import type { Db } from './shared.js';

export async function getSetting(db: Db, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value;
}

/** Stores `value` unless the setting exists; returns the value that is stored, whoever wrote it. */
export async function claimSetting(db: Db, name: string, value: string): Promise<string> {
  await db.insertInto('settings').values({ name, value }).onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await getSetting(db, name)) ?? value;
}

/** Replaces `expected` by `value`; false when another process changed it first. */
export async function replaceSetting(db: Db, name: string, expected: string, value: string): Promise<boolean> {
  const result = await db.updateTable('settings').set({ value }).where('name', '=', name).where('value', '=', expected).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
