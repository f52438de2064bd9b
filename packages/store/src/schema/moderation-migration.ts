/**
 * Migration 0020: moderation (moderation.ts), issue 14. The log of moderated
 * texts and photos with their originals, removed with its request; and the
 * mark of a hidden upload, which the public media route refuses.
 * Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { MODERATION_ACTIONS, MODERATION_TARGETS } from '../moderation.js';
import { oneOf } from './registry-migration.js';

export async function moderation(db: Kysely<unknown>, a: DialectAdapter): Promise<void> {
  const s = db.schema;
  const key = a.serialKey(1);
  await s
    .createTable('request_moderations')
    .addColumn('id', key.type, key.build)
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('target', 'text', (c) => c.notNull().check(oneOf('target', MODERATION_TARGETS)))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(oneOf('action', MODERATION_ACTIONS)))
    .addColumn('original', 'text')
    .addColumn('moderated', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await a.afterSerialTable(db, 'request_moderations', 1);
  await s.createIndex('request_moderations_by_request').on('request_moderations').columns(['request_id', 'id']).execute();
  await s.alterTable('request_media').addColumn('hidden_at', 'bigint').execute();
}

export async function dropModeration(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_media').dropColumn('hidden_at').execute();
  await db.schema.dropTable('request_moderations').execute();
}
