/**
 * Migration 0019: request webhooks (webhooks.ts), issue 13. Deliveries hang
 * off their subscriber and attempts off their delivery with ON DELETE
 * CASCADE: removing a subscriber takes its log with it in one statement.
 * Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { DELIVERY_STATES, WEBHOOK_STATES } from '../webhooks.js';
import { oneOf } from './registry-migration.js';

export async function webhooks(db: Kysely<unknown>, _a: DialectAdapter): Promise<void> {
  const s = db.schema;
  await s
    .createTable('webhook_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('owner_email', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', WEBHOOK_STATES)))
    .addColumn('paused_at', 'bigint')
    .addColumn('pause_reason', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('failing_since', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('webhook_subscribers_by_jurisdiction').on('webhook_subscribers').columns(['jurisdiction_id', 'state']).execute();

  await s
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('webhook_subscribers.id').onDelete('cascade'))
    .addColumn('change_id', 'bigint')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('replay_of', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', DELIVERY_STATES)))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .execute();
  // Dispatch run twice inserts nothing twice (NULLs, pings and replays, are distinct).
  await s.createIndex('webhook_deliveries_once').on('webhook_deliveries').columns(['subscriber_id', 'change_id']).unique().execute();
  // A subscriber's log, newest first.
  await s.createIndex('webhook_deliveries_log').on('webhook_deliveries').columns(['subscriber_id', 'created_at']).execute();
  // The sweep: pending ones, oldest first.
  await s.createIndex('webhook_deliveries_pending').on('webhook_deliveries').columns(['state', 'created_at']).execute();

  await s
    .createTable('webhook_attempts')
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_attempts_pk', ['delivery_id', 'n'])
    .execute();
}

export async function dropWebhooks(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_attempts').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_subscribers').execute();
}
