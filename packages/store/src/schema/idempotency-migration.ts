/**
 * Migration 0013: the Idempotency-Key of new requests, one row per (API key,
 * key). `request_id` is null only inside the transaction that claims the key
 * and creates the request; the row goes with its request (a sandbox reset).
 * Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';

export async function idempotencyKeys(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('request_id', 'bigint', (c) => c.references('requests.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['api_key_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_by_time').on('idempotency_keys').column('created_at').execute();
  // Deleting requests (the cascade) would otherwise scan the table once per request.
  await db.schema.createIndex('idempotency_keys_by_request').on('idempotency_keys').column('request_id').execute();
}

export async function dropIdempotencyKeys(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
