/**
 * Migration 0029: the SMS channel (sms.ts, issue 15). A conversation is keyed
 * by jurisdiction and number; followers go with their request (ON DELETE
 * CASCADE). Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { SMS_DIRECTIONS, SMS_MESSAGE_STATES } from '../sms.js';
import { oneOf } from './registry-migration.js';

export async function sms(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  const s = db.schema;
  const key = a.serialKey(1);
  await s
    .createTable('sms_conversations')
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sms_conversations_pk', ['jurisdiction_id', 'phone'])
    .execute();
  await s.createIndex('sms_conversations_by_age').on('sms_conversations').column('updated_at').execute();
  await s
    .createTable('sms_handled')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sms_handled_pk', ['provider', 'message_id'])
    .execute();
  await s
    .createTable('sms_opt_outs')
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sms_opt_outs_pk', ['jurisdiction_id', 'phone'])
    .execute();
  await s
    .createTable('sms_subscriptions')
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('last_status', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sms_subscriptions_pk', ['request_id', 'phone'])
    .execute();
  await s
    .createTable('sms_messages')
    // Numbered in insertion order: the transcript's order within one millisecond.
    .addColumn('id', key.type, key.build)
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(oneOf('direction', SMS_DIRECTIONS)))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', SMS_MESSAGE_STATES)))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('provider_id', 'text')
    .execute();
  await a.afterSerialTable(db, 'sms_messages', 1);
  await s.createIndex('sms_messages_by_number').on('sms_messages').columns(['jurisdiction_id', 'phone', 'id']).execute();
  await s.createIndex('sms_messages_by_age').on('sms_messages').column('created_at').execute();
}

export async function dropSms(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sms_messages', 'sms_subscriptions', 'sms_opt_outs', 'sms_handled', 'sms_conversations']) {
    await db.schema.dropTable(table).execute();
  }
}
