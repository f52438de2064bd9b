/**
 * Migration 0007: staff users and staff tokens are scoped to jurisdictions,
 * and the server has a stored primary jurisdiction.
 *
 * - A database that already has jurisdictions gets its primary: the one of the
 *   oldest request, else the first by id, sandboxes left out (a one-time
 *   choice, stored, which a global admin can change; nothing later falls back
 *   to "the first one").
 * - Existing admins (users and tokens) become global; every other existing
 *   account works on the primary jurisdiction only (none when there is none).
 */
import { sql, type Kysely } from 'kysely';
import { PRIMARY_JURISDICTION_SETTING } from '../repositories/jurisdictions.js';

const SCOPED_TABLES = ['staff_users', 'staff_tokens'] as const;

async function choosePrimary(db: Kysely<unknown>): Promise<string | undefined> {
  const stored = await sql<{ value: string }>`select value from settings where name = ${PRIMARY_JURISDICTION_SETTING}`.execute(db);
  if (stored.rows[0]) return stored.rows[0].value;
  // A sandbox (migration 0005) is never primary.
  const oldest = await sql<{ id: string }>`
    select r.jurisdiction_id as id from requests r join jurisdictions j on j.id = r.jurisdiction_id
    where j.sandbox = 0 order by r.requested_at, r.id limit 1`.execute(db);
  const first = oldest.rows[0]
    ?? (await sql<{ id: string }>`select id from jurisdictions where sandbox = 0 order by id limit 1`.execute(db)).rows[0];
  if (!first) return undefined;
  await sql`insert into settings (name, value) values (${PRIMARY_JURISDICTION_SETTING}, ${first.id})`.execute(db);
  return first.id;
}

export async function jurisdictionScope(db: Kysely<unknown>): Promise<void> {
  const primary = await choosePrimary(db);
  const others = JSON.stringify(primary === undefined ? [] : [primary]);
  for (const table of SCOPED_TABLES) {
    // Null = every jurisdiction, which only admins may have.
    await db.schema.alterTable(table).addColumn('jurisdiction_scope', 'text').execute();
    await sql`update ${sql.table(table)} set jurisdiction_scope = ${others} where role <> 'admin'`.execute(db);
  }
}

export async function dropJurisdictionScope(db: Kysely<unknown>): Promise<void> {
  for (const table of SCOPED_TABLES) await db.schema.alterTable(table).dropColumn('jurisdiction_scope').execute();
}
