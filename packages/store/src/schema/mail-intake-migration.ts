/**
 * Migration 0027: the e-mail intake (mail-intake.ts), issue 15. One row per
 * message under its Message-ID (unique per jurisdiction: a redelivery files
 * nothing new), and the thread of each request filed by mail, removed with
 * its request. Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { MAIL_VERDICTS } from '../mail-intake.js';
import { oneOf } from './registry-migration.js';

export async function mailIntake(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  const s = db.schema;
  await s
    .createTable('inbound_mail')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull().check(oneOf('verdict', MAIL_VERDICTS)))
    .addColumn('reason', 'text')
    .addColumn('request_id', 'bigint', (c) => c.references('requests.id').onDelete('set null'))
    .addColumn('raw', a.binaryType)
    .addColumn('raw_size', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('inbound_mail_message', ['jurisdiction_id', 'message_id'])
    .execute();
  await s.createIndex('inbound_mail_by_verdict').on('inbound_mail').columns(['jurisdiction_id', 'verdict', 'received_at']).execute();
  await s.createIndex('inbound_mail_by_age').on('inbound_mail').column('received_at').execute();
  await s
    .createTable('mail_threads')
    .addColumn('request_id', 'bigint', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('root_message_id', 'text', (c) => c.notNull())
    .addColumn('last_message_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function dropMailIntake(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_threads').execute();
  await db.schema.dropTable('inbound_mail').execute();
}
