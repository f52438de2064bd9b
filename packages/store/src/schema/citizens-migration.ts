/**
 * Migration 0015: optional citizen accounts (citizens.ts): the accounts, their
 * single-use sign-in links and their sessions, and the indexes "My reports"
 * and the erasure of an account need (requests by account, followers by
 * address), and those of the reports an account claims at sign-in (unclaimed
 * requests and federated requests by reporter e-mail).
 * Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import { createIndex, dropIndex, indexNamed } from './indexes.js';

const NEW_INDEXES = ['requests_by_account', 'followers_by_email', 'requests_by_email', 'federated_by_email'];

export async function citizenAccounts(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('citizen_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'bigint', (c) => c.notNull())
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('locale', 'text')
    .execute();

  await s
    .createTable('citizen_sign_in_links')
    .addColumn('secret_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  // The address's other links (made unusable at sign-in, erased with the account).
  await s.createIndex('sign_in_links_by_email').on('citizen_sign_in_links').column('email').execute();
  await s.createIndex('sign_in_links_by_expiry').on('citizen_sign_in_links').column('expires_at').execute();

  await s
    .createTable('citizen_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('citizen_accounts.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await s.createIndex('citizen_sessions_by_account').on('citizen_sessions').column('account_id').execute();
  await s.createIndex('citizen_sessions_by_expiry').on('citizen_sessions').column('expires_at').execute();

  for (const name of NEW_INDEXES) await createIndex(db, indexNamed(name));
}

export async function dropCitizenAccounts(db: Kysely<unknown>): Promise<void> {
  for (const name of NEW_INDEXES) await dropIndex(db, indexNamed(name));
  await db.schema.dropTable('citizen_sessions').execute();
  await db.schema.dropTable('citizen_sign_in_links').execute();
  await db.schema.dropTable('citizen_accounts').execute();
}
