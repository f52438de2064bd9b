/** Migration 0019: placeholder, owned by the webhook work of issue 13. Never edit once shipped. */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';

export async function webhooks(_db: Kysely<unknown>, _a: DialectAdapter): Promise<void> {}

export async function dropWebhooks(_db: Kysely<unknown>): Promise<void> {}
