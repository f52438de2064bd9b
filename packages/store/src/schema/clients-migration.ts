/**
 * Migration 0005: what real clients and a shared sandbox need. Rate-limit
 * counters shared by every process on the database; the receipt a blackbox
 * service gives; API keys labelled with the client that uses them, marked
 * public (their limit counts per client address) and optionally bound to one
 * jurisdiction; sandbox jurisdictions. Never edit once shipped; append a migration.
 */
import { sql, type Kysely } from 'kysely';

export async function clients(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await s
    .alterTable('services')
    .addColumn('blackbox_receipt', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`blackbox_receipt in ('none', 'service_request_id', 'token')`))
    .execute();
  await s.alterTable('api_keys').addColumn('client', 'text').execute();
  await s.alterTable('api_keys').addColumn('public', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await s.alterTable('api_keys').addColumn('jurisdiction_id', 'text').execute();
  await s.alterTable('jurisdictions').addColumn('sandbox', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function dropClients(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.alterTable('services').dropColumn('blackbox_receipt').execute();
  for (const column of ['client', 'public', 'jurisdiction_id']) await db.schema.alterTable('api_keys').dropColumn(column).execute();
  await db.schema.alterTable('jurisdictions').dropColumn('sandbox').execute();
}
