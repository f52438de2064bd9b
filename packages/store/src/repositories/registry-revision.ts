/** The registry's revision: moved inside every registry change's transaction. */
import type { Db } from './shared.js';

export async function bumpRegistryRevision(db: Db): Promise<void> {
  await db.updateTable('registry_revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', 1).execute();
}

export async function registryRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('registry_revision').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}
