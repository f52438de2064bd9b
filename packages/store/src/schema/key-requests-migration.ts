/**
 * Migration 0024: developers' requests for API keys (key-requests.ts), issue 14.
 * `open_email` holds the address while the request is open (unverified or
 * pending) and is null after: its unique index is the "one open request per
 * address" rule on both dialects (NULLs are distinct), without a partial index.
 * Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import { KEY_REQUEST_STATES } from '../key-requests.js';
import { oneOf } from './registry-migration.js';

export async function keyRequests(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('api_key_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('open_email', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('app_name', 'text', (c) => c.notNull())
    .addColumn('app_url', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('terms_digest', 'text', (c) => c.notNull())
    .addColumn('verify_hash', 'text', (c) => c.notNull().unique())
    .addColumn('verify_expires_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', KEY_REQUEST_STATES)))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('verified_at', 'bigint')
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .addColumn('api_key_id', 'text', (c) => c.references('api_keys.id').onDelete('set null'))
    .execute();
  await s.createIndex('api_key_requests_open_email').on('api_key_requests').column('open_email').unique().execute();
  await s.createIndex('api_key_requests_by_state').on('api_key_requests').columns(['state', 'created_at']).execute();
  await s.createIndex('api_key_requests_by_key').on('api_key_requests').column('api_key_id').execute();
}

export async function dropKeyRequests(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_key_requests').execute();
}
