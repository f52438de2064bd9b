/**
 * Migration 0021: the reporter's mail and updates (reporter.ts), issue 14.
 * Everything hangs off its request or jurisdiction with ON DELETE CASCADE, so
 * a sandbox reset or an erased request takes it along.
 * Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import { REPORTER_ANSWERS } from '../reporter.js';
import { oneOf } from './registry-migration.js';

const TABLES = ['reporter_questions', 'reporter_tokens', 'reporter_requests', 'reporter_settings'];

export async function reporter(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('reporter_settings')
    .addColumn('jurisdiction_id', 'text', (c) => c.primaryKey().references('jurisdictions.id').onDelete('cascade'))
    .addColumn('receipts_for_api', 'integer', (c) => c.notNull())
    .addColumn('question_delay_hours', 'integer', (c) => c.notNull())
    .addColumn('reopen_window_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('reporter_requests')
    .addColumn('request_id', 'bigint', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('reporter_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('reporter_tokens_by_request').on('reporter_tokens').column('request_id').execute();

  await s
    .createTable('reporter_questions')
    .addColumn('change_id', 'bigint', (c) => c.primaryKey())
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('asked_at', 'bigint')
    .addColumn('answer', 'text', (c) => c.check(oneOf('answer', REPORTER_ANSWERS)))
    .addColumn('answered_at', 'bigint')
    .execute();
  // The tick's scan of questions due and not asked; a request's newest question.
  await s.createIndex('reporter_questions_due').on('reporter_questions').columns(['asked_at', 'due_at']).execute();
  await s.createIndex('reporter_questions_by_request').on('reporter_questions').columns(['request_id', 'change_id']).execute();
}

export async function dropReporter(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) await db.schema.dropTable(t).ifExists().execute();
}
