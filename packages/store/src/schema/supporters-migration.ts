/**
 * Migration 0023: "me too" supporters of a request (supporters.ts, issue 14).
 * One row per identity key of a support; the rows of one support share its
 * `support_id`, so the count is of distinct supports. Rows go with their
 * request (ON DELETE CASCADE). Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';

export async function supporters(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supporters')
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('support_id', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Also the index of a request's supporters.
    .addPrimaryKeyConstraint('supporters_pk', ['request_id', 'key_hash'])
    .execute();
}

export async function dropSupporters(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('supporters').execute();
}
