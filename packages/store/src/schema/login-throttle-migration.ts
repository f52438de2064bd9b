/**
 * Migration 0006: what the staff login throttle shares between processes:
 * recent failed logins under hashed keys (an account, an address, or both),
 * and the (account, address) pairs that have logged in successfully.
 * Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';

export async function loginThrottle(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();
  // Forgetting old failures deletes by time alone.
  await s.createIndex('login_failures_at').on('login_failures').column('at').execute();
  await s
    .createTable('login_known_pairs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('last_success_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function dropLoginThrottle(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_known_pairs').execute();
  await db.schema.dropTable('login_failures').execute();
}
