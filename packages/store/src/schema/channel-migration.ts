/**
 * Migration 0025: how each request reached the city (`channel`, issue 15).
 * Rows filed before it came through the API, except those the citizen web app
 * filed with its own key, which are marked `web`. Never edit once shipped;
 * append a migration.
 */
import { REQUEST_CHANNELS } from '@o311/georeport';
import { sql, type Kysely } from 'kysely';
import { oneOf } from './registry-migration.js';

/** The name the web app gives its shared key (web/src/citizen/api-key.ts), as it stood when this shipped. */
const WEB_APP_KEY_NAME = 'o311 web app';

export async function channel(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('requests')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('api').check(oneOf('channel', REQUEST_CHANNELS)))
    .execute();
  await sql`UPDATE requests SET channel = 'web'
    WHERE api_key_id IN (SELECT id FROM api_keys WHERE name = ${WEB_APP_KEY_NAME})`.execute(db);
}

export async function dropChannel(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('requests').dropColumn('channel').execute();
}
