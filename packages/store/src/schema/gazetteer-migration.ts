/**
 * Migration 0022: the address gazetteer (gazetteer.ts), issue 14. Street keys
 * sort byte-wise on both dialects (PostgreSQL's `C` collation; SQLite's BINARY
 * is the default), so `street_key >= p AND street_key < p || '~'` is an index
 * range scan whatever the database's locale. Rows have no id of their own: a
 * gazetteer is only ever replaced whole. Never edit once shipped; append one.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';

export async function gazetteer(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  const s = db.schema;
  const key = a.dialect === 'postgres' ? sql`collate "C"` : sql``;
  await s
    .createTable('gazetteer_addresses')
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('street_key', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('number_text', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('postcode', 'text')
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('long', 'double precision', (c) => c.notNull())
    .execute();
  await s.createIndex('gazetteer_addresses_by_street').on('gazetteer_addresses').columns(['jurisdiction_id', 'street_key', 'number']).execute();

  await s
    .createTable('gazetteer_streets')
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('street_key', 'text', (c) => c.notNull().modifyEnd(key))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('long', 'double precision', (c) => c.notNull())
    .execute();
  await s.createIndex('gazetteer_streets_by_key').on('gazetteer_streets').columns(['jurisdiction_id', 'street_key']).execute();
}

export async function dropGazetteer(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('gazetteer_streets').execute();
  await db.schema.dropTable('gazetteer_addresses').execute();
}
