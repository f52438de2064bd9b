/**
 * Migration 0011: an optional key per outbox message, unique where set. A job
 * that mails several people and is retried after a partial failure queues each
 * message under a key (the event and the recipient), so that the retry queues
 * only the ones the failed attempt did not.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function outboxOnce(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('once_key', 'text').execute();
  await db.schema.createIndex('outbox_by_once_key').unique().on('outbox').column('once_key').where(sql.ref('once_key'), 'is not', null).execute();
}

export async function dropOutboxOnce(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_by_once_key').execute();
  await db.schema.alterTable('outbox').dropColumn('once_key').execute();
}
