/**
 * Migration 0016: the status monitor's records (monitor.ts) and the validator
 * runs (validation-runs.ts), issue 12. Every monitor table hangs off
 * `monitor_targets` with ON DELETE CASCADE, so that removing the target of a
 * retired or deleted endpoint takes its figures with it in one statement.
 * Validation runs outlive endpoints (a run may name none). Never edit once
 * shipped; append a migration.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { MONITOR_EVENT_KINDS, MONITOR_STATES, POLL_ERROR_KINDS, MAX_POLL_INTERVAL_S, MIN_POLL_INTERVAL_S } from '../monitor.js';
import { VALIDATION_FORMATS, VALIDATION_SOURCES, VALIDATION_STATES } from '../validation-runs.js';
import { oneOf } from './registry-migration.js';

const TABLES = [
  'validation_runs', 'monitor_events', 'monitor_incidents', 'monitor_scores', 'monitor_usage', 'monitor_hourly', 'monitor_samples', 'monitor_targets',
];

export async function monitor(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  const target = (c: ColumnDefinitionBuilder) => c.notNull().references('monitor_targets.slug').onDelete('cascade');

  await s
    .createTable('monitor_targets')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('interval_s', 'integer', (c) => c.notNull().check(sql`interval_s between ${sql.lit(MIN_POLL_INTERVAL_S)} and ${sql.lit(MAX_POLL_INTERVAL_S)}`))
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('mail_alerts', 'integer', (c) => c.notNull())
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret_sealed', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', MONITOR_STATES)))
    .addColumn('state_since', 'bigint')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
    .addColumn('last_poll_at', 'bigint')
    .addColumn('last_ok', 'integer')
    .addColumn('last_error_kind', 'text', (c) => c.check(oneOf('last_error_kind', POLL_ERROR_KINDS)))
    .addColumn('last_latency_ms', 'double precision')
    .addColumn('uptime_24h', 'double precision')
    .addColumn('uptime_7d', 'double precision')
    .addColumn('uptime_30d', 'double precision')
    .addColumn('uptime_90d', 'double precision')
    .addColumn('p50_ms', 'double precision')
    .addColumn('p95_ms', 'double precision')
    .addColumn('summary_at', 'bigint')
    .execute();
  // The claim: due targets that are not paused, oldest due first.
  await s.createIndex('monitor_targets_due').on('monitor_targets').columns(['paused', 'next_poll_at']).execute();

  await s
    .createTable('monitor_samples')
    .addColumn('slug', 'text', target)
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('latency_ms', 'double precision')
    .addColumn('error_kind', 'text', (c) => c.check(oneOf('error_kind', POLL_ERROR_KINDS)))
    .addColumn('error', 'text')
    .addColumn('services', 'integer')
    .execute();
  await s.createIndex('monitor_samples_by_slug').on('monitor_samples').columns(['slug', 'at']).execute();
  // Pruning and the rollup of the last hours of every endpoint at once.
  await s.createIndex('monitor_samples_by_time').on('monitor_samples').column('at').execute();

  await s
    .createTable('monitor_hourly')
    .addColumn('slug', 'text', target)
    .addColumn('hour', 'bigint', (c) => c.notNull())
    .addColumn('polls', 'integer', (c) => c.notNull())
    .addColumn('ups', 'integer', (c) => c.notNull())
    .addColumn('latency_histogram', 'text', (c) => c.notNull())
    .addColumn('latency_sum_ms', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_hourly_pk', ['slug', 'hour'])
    .execute();
  await s.createIndex('monitor_hourly_by_time').on('monitor_hourly').column('hour').execute();
  // The summaries' uptime sums read this index alone (SQLite: a third of the time of the table's rows).
  await s.createIndex('monitor_hourly_uptime').on('monitor_hourly').columns(['slug', 'hour', 'polls', 'ups']).execute();

  await s
    .createTable('monitor_usage')
    .addColumn('slug', 'text', target)
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('services', 'integer', (c) => c.notNull())
    .addColumn('sampled', 'integer', (c) => c.notNull())
    .addColumn('with_location', 'double precision')
    .addColumn('with_address', 'double precision')
    .addColumn('with_updated', 'double precision')
    .addColumn('with_media', 'double precision')
    .addColumn('with_status_notes', 'double precision')
    .addColumn('requests_7d', 'integer', (c) => c.notNull())
    .addColumn('requests_30d', 'integer', (c) => c.notNull())
    .addColumn('capped', 'integer', (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('newest_at', 'bigint')
    .execute();
  await s.createIndex('monitor_usage_by_slug').on('monitor_usage').columns(['slug', 'at']).execute();

  await s
    .createTable('monitor_scores')
    .addColumn('slug', 'text', target)
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .execute();
  await s.createIndex('monitor_scores_by_slug').on('monitor_scores').columns(['slug', 'at']).execute();

  await s
    .createTable('monitor_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', target)
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('cause_kind', 'text', (c) => c.notNull().check(oneOf('cause_kind', POLL_ERROR_KINDS)))
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('failed_polls', 'integer', (c) => c.notNull())
    .execute();
  await s.createIndex('monitor_incidents_by_slug').on('monitor_incidents').columns(['slug', 'opened_at']).execute();
  await s.createIndex('monitor_incidents_by_time').on('monitor_incidents').column('opened_at').execute();
  // At most one open incident per endpoint, whichever process records the polls.
  await s.createIndex('monitor_incidents_open').on('monitor_incidents').column('slug').unique().where(sql.ref('closed_at'), 'is', null).execute();

  await s
    .createTable('monitor_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', target)
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', MONITOR_EVENT_KINDS)))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('mailed_at', 'bigint')
    .addColumn('webhook_attempts', 'integer', (c) => c.notNull())
    .addColumn('webhook_status', 'integer')
    .addColumn('webhook_error', 'text')
    .addColumn('webhook_delivered_at', 'bigint')
    .execute();
  await s.createIndex('monitor_events_by_time').on('monitor_events').column('at').execute();
  await s.createIndex('monitor_events_by_slug').on('monitor_events').columns(['slug', 'at']).execute();

  await s
    .createTable('validation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('endpoint_slug', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(oneOf('source', VALIDATION_SOURCES)))
    .addColumn('format', 'text', (c) => c.notNull().check(oneOf('format', VALIDATION_FORMATS)))
    .addColumn('write', 'integer', (c) => c.notNull())
    .addColumn('jurisdiction_id', 'text')
    .addColumn('api_key_sealed', 'text')
    .addColumn('client', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', VALIDATION_STATES)))
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('partial', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('summary', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .execute();
  await s.createIndex('validation_runs_by_url').on('validation_runs').columns(['url', 'created_at']).execute();
  await s.createIndex('validation_runs_by_endpoint').on('validation_runs').columns(['endpoint_slug', 'created_at']).execute();
  await s.createIndex('validation_runs_by_client').on('validation_runs').columns(['client', 'created_at']).execute();
}

export async function dropMonitor(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
