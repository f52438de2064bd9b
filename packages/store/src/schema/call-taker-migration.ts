/**
 * Migration 0026: the `call-taker` capability of staff accounts (issue 15):
 * agents an admin lets log requests for callers on the contact-centre screen
 * (admins have it without the flag). Nobody has it at first. Never edit once
 * shipped; append a migration.
 */
import type { Kysely } from 'kysely';

export async function callTaker(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_users').addColumn('call_taker', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function dropCallTaker(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_users').dropColumn('call_taker').execute();
}
