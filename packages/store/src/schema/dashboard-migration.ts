/**
 * Migration 0018: the dashboard's sources, areas, facts and daily rollups
 * (dashboard.ts, issue 13). Everything hangs off `dashboard_sources` with ON
 * DELETE CASCADE, so removing a source takes its read model with it. Never
 * edit once shipped; append a migration.
 *
 * dashboard_daily holds each day's counts at four grains (GRAINS in
 * dashboard-tables.ts): the whole source, by service, by area, and by
 * service × area, so that a filter reads the coarsest grain that answers it:
 * a year unfiltered is 365 rows, not days × services × areas.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialects/adapter.js';
import { DASHBOARD_SOURCE_KINDS, FACT_STATUSES } from '../dashboard.js';
import { oneOf } from './registry-migration.js';
import { CLOSE_HOURS_COLUMNS } from './dashboard-tables.js';

const TABLES = ['dashboard_daily', 'dashboard_facts', 'dashboard_areas', 'dashboard_sources'];

export async function dashboard(db: Kysely<unknown>, _a: DialectAdapter): Promise<void> {
  const s = db.schema;
  const source = (c: ColumnDefinitionBuilder) => c.notNull().references('dashboard_sources.id').onDelete('cascade');

  await s
    .createTable('dashboard_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', DASHBOARD_SOURCE_KINDS)))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('area_label', 'text')
    .addColumn('harvest_cursor', 'text')
    .addColumn('harvest_last_run_at', 'bigint')
    .addColumn('harvest_last_success_at', 'bigint')
    .addColumn('harvest_last_error', 'text')
    .addColumn('harvest_next_run_at', 'bigint')
    .addColumn('harvest_requests_seen', 'bigint')
    .addColumn('requests', 'bigint', (c) => c.notNull())
    .addColumn('synced_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('rebuild_generation', 'integer', (c) => c.notNull())
    .addColumn('rollups_pending_from', 'integer')
    .execute();

  await s
    .createTable('dashboard_areas')
    .addColumn('source_id', 'text', source)
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('min_long', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_long', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_areas_pk', ['source_id', 'area_id'])
    .execute();

  await s
    .createTable('dashboard_facts')
    .addColumn('source_id', 'text', source)
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('service_group', 'text')
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', FACT_STATUSES)))
    .addColumn('detailed_status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('requested_day', 'integer', (c) => c.notNull())
    .addColumn('closed_day', 'integer')
    .addColumn('expected_at', 'bigint')
    .addColumn('lat', 'double precision')
    .addColumn('long', 'double precision')
    .addColumn('address', 'text')
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('dashboard_facts_pk', ['source_id', 'request_id'])
    .execute();
  // Points and downloads, newest first (keyset on requested_at, request_id). The three walks of the map's
  // points (all, per service, per area: dashboard-points.ts) carry every column a point and a filter need,
  // so that a walk that skips most rows (a status, an area) never reads the table.
  const point = ['status', 'lat', 'long'];
  await s.createIndex('dashboard_facts_newest').on('dashboard_facts')
    .columns(['source_id', 'requested_at', 'request_id', 'service_code', 'area_id', ...point]).execute();
  await s.createIndex('dashboard_facts_by_service').on('dashboard_facts')
    .columns(['source_id', 'service_code', 'requested_at', 'request_id', 'area_id', ...point]).execute();
  await s.createIndex('dashboard_facts_by_area').on('dashboard_facts')
    .columns(['source_id', 'area_id', 'requested_at', 'request_id', 'service_code', ...point]).execute();
  // The brief's median time to close (closed on a day) and SLA breaches (expected on a day).
  await s.createIndex('dashboard_facts_closed').on('dashboard_facts').columns(['source_id', 'closed_at']).execute();
  await s.createIndex('dashboard_facts_expected').on('dashboard_facts').columns(['source_id', 'expected_at']).execute();

  let daily = s
    .createTable('dashboard_daily')
    .addColumn('source_id', 'text', source)
    .addColumn('grain', 'integer', (c) => c.notNull().check(sql`grain between 0 and 3`))
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('opened', 'integer', (c) => c.notNull())
    .addColumn('opened_still_open', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull());
  for (const h of CLOSE_HOURS_COLUMNS) daily = daily.addColumn(h, 'integer', (c) => c.notNull());
  await daily
    .addColumn('close_hours_sum', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_daily_pk', ['source_id', 'grain', 'service_code', 'area_id', 'day'])
    .execute();
  // A few areas under any service (grain 3): one walk per area over its days.
  await s.createIndex('dashboard_daily_by_area').on('dashboard_daily').columns(['source_id', 'grain', 'area_id', 'day']).execute();
}

export async function dropDashboard(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) await db.schema.dropTable(t).execute();
}
