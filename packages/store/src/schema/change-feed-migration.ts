/**
 * Migration 0017: the request change feed (changes.ts) and the cursors of its
 * consumers. Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { REQUEST_CHANGE_KINDS } from '../changes.js';
import { oneOf } from './registry-migration.js';

export async function changeFeed(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  const s = db.schema;
  const key = a.serialKey(1);
  await s
    .createTable('request_changes')
    .addColumn('id', key.type, key.build)
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'bigint')
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', REQUEST_CHANGE_KINDS)))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await a.afterSerialTable(db, 'request_changes', 1);
  await s.createIndex('request_changes_by_at').on('request_changes').column('at').execute();

  await s
    .createTable('change_cursors')
    .addColumn('consumer', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function dropChangeFeed(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_cursors').execute();
  await db.schema.dropTable('request_changes').execute();
}
