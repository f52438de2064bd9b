/** Migration 0018: placeholder, owned by the dashboard work of issue 13. Never edit once shipped. */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';

export async function dashboard(_db: Kysely<unknown>, _a: DialectAdapter): Promise<void> {}

export async function dropDashboard(_db: Kysely<unknown>): Promise<void> {}
