/**
 * Migration 0028: the threading headers of an outbox message (issue 15,
 * e-mail intake): JSON of its Message-ID, In-Reply-To, References and
 * Reply-To, so that mail about a request filed by e-mail lands in the
 * reporter's thread. Null for every other message. Never edit once shipped.
 */
import type { Kysely } from 'kysely';

export async function outboxThreading(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('threading', 'text').execute();
}

export async function dropOutboxThreading(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('threading').execute();
}
