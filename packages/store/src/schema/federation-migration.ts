/**
 * Migration 0014: the federated endpoint's outbox (federation.ts): one row
 * per request accepted by the router, the reporter's contact data in columns
 * of their own (erased on request), and the encrypted upstream API key of a
 * registry endpoint. No foreign key to the registry: an endpoint deleted
 * later leaves its requests readable (their delivery then dies with a reason).
 * Never edit once shipped; append a migration.
 */
import { sql, type Kysely } from 'kysely';
import { FEDERATED_STATES } from '../federation.js';

export async function federation(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('federated_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('endpoint_slug', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('device_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('api_key_id', 'text', (c) => c.references('api_keys.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in (${sql.join(FEDERATED_STATES.map((v) => sql.lit(v)))})`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('upstream_token', 'text')
    .addColumn('upstream_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .execute();
  // The admin's per-endpoint list, newest first.
  await s.createIndex('federated_by_endpoint').on('federated_requests').columns(['endpoint_slug', 'created_at']).execute();
  await s.createIndex('federated_by_account').on('federated_requests').columns(['account_id', 'created_at']).execute();
  await s.alterTable('registry_endpoints').addColumn('upstream_key_sealed', 'text').execute();
}

export async function dropFederation(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('registry_endpoints').dropColumn('upstream_key_sealed').execute();
  await db.schema.dropTable('federated_requests').execute();
}
