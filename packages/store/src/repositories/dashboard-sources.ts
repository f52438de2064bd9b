/** The dashboard's sources and their areas (dashboard.ts). */
import type { Selectable } from 'kysely';
import {
  DASHBOARD_SOURCE_KINDS, sourceId, type DashboardArea, type DashboardAreaShape, type DashboardSource, type HarvestState,
  type NewDashboardSource,
} from '../dashboard.js';
import type { DashboardSourcesTable } from '../schema/dashboard-tables.js';
import { readStored, ROWS_PER_STATEMENT } from './monitor-shared.js';
import { fromFlag, inTransaction, toFlag, type Db } from './shared.js';

function readSource(row: Selectable<DashboardSourcesTable>): DashboardSource {
  const kind = readStored(DASHBOARD_SOURCE_KINDS, row.kind, 'dashboard source kind');
  return {
    id: row.id,
    kind,
    ref: row.ref,
    name: row.name,
    timezone: row.timezone,
    enabled: fromFlag(Number(row.enabled)),
    area_label: row.area_label,
    harvest:
      kind === 'endpoint'
        ? {
            cursor: row.harvest_cursor,
            last_run_at: row.harvest_last_run_at === null ? null : Number(row.harvest_last_run_at),
            last_success_at: row.harvest_last_success_at === null ? null : Number(row.harvest_last_success_at),
            last_error: row.harvest_last_error,
            next_run_at: Number(row.harvest_next_run_at ?? 0),
            requests_seen: Number(row.harvest_requests_seen ?? 0),
          }
        : null,
    requests: Number(row.requests),
    synced_at: row.synced_at === null ? null : Number(row.synced_at),
    created_at: Number(row.created_at),
    rebuilding: row.rollups_pending_from !== null,
  };
}

export async function listSources(db: Db): Promise<DashboardSource[]> {
  const rows = await db.selectFrom('dashboard_sources').selectAll().orderBy('kind').orderBy('name').orderBy('id').execute();
  return rows.map(readSource);
}

export async function getSource(db: Db, id: string): Promise<DashboardSource | undefined> {
  const row = await db.selectFrom('dashboard_sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row && readSource(row);
}

export async function saveSource(db: Db, s: NewDashboardSource, now: number): Promise<DashboardSource> {
  const id = sourceId(s.kind, s.ref);
  const endpoint = s.kind === 'endpoint';
  await db
    .insertInto('dashboard_sources')
    .values({
      id, kind: s.kind, ref: s.ref, name: s.name, timezone: s.timezone, enabled: toFlag(s.enabled ?? true),
      area_label: s.area_label ?? null, harvest_cursor: null, harvest_last_run_at: null, harvest_last_success_at: null,
      harvest_last_error: null, harvest_next_run_at: endpoint ? now : null, harvest_requests_seen: endpoint ? 0 : null,
      requests: 0, synced_at: null, created_at: now, rebuild_generation: 0, rollups_pending_from: null,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: s.name,
        timezone: s.timezone,
        ...(s.enabled === undefined ? {} : { enabled: toFlag(s.enabled) }),
        ...(s.area_label === undefined ? {} : { area_label: s.area_label }),
      }),
    )
    .execute();
  const saved = await getSource(db, id);
  if (!saved) throw new Error(`dashboard source ${id} vanished while saved`);
  return saved;
}

export async function deleteSource(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('dashboard_sources').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function saveHarvestState(db: Db, id: string, h: HarvestState): Promise<void> {
  await db
    .updateTable('dashboard_sources')
    .set({
      harvest_cursor: h.cursor, harvest_last_run_at: h.last_run_at, harvest_last_success_at: h.last_success_at,
      harvest_last_error: h.last_error, harvest_next_run_at: h.next_run_at, harvest_requests_seen: h.requests_seen,
    })
    .where('id', '=', id)
    .where('kind', '=', 'endpoint')
    .execute();
}

export async function dueHarvests(db: Db, now: number, limit: number): Promise<DashboardSource[]> {
  const rows = await db
    .selectFrom('dashboard_sources')
    .selectAll()
    .where('kind', '=', 'endpoint')
    .where('enabled', '=', 1)
    .where('harvest_next_run_at', '<=', now)
    .orderBy('harvest_next_run_at')
    .orderBy('id')
    .limit(Math.max(0, Math.min(Math.floor(limit), 1_000)))
    .execute();
  return rows.map(readSource);
}

/** The box of MultiPolygon coordinates (long, lat). */
function boxOf(geometry: number[][][][]): { min_long: number; min_lat: number; max_long: number; max_lat: number } {
  let min_long = Infinity, min_lat = Infinity, max_long = -Infinity, max_lat = -Infinity;
  for (const polygon of geometry) {
    for (const ring of polygon) {
      for (const [long = NaN, lat = NaN] of ring) {
        if (long < min_long) min_long = long;
        if (long > max_long) max_long = long;
        if (lat < min_lat) min_lat = lat;
        if (lat > max_lat) max_lat = lat;
      }
    }
  }
  if (!Number.isFinite(min_long) || !Number.isFinite(min_lat)) throw new RangeError('an area needs at least one point');
  return { min_long, min_lat, max_long, max_lat };
}

export async function setAreas(db: Db, source_id: string, areas: readonly DashboardAreaShape[]): Promise<void> {
  const ids = new Set<string>();
  for (const a of areas) {
    if (a.id === '' || ids.has(a.id)) throw new RangeError(`area ids must be unique and not empty: ${JSON.stringify(a.id)}`);
    ids.add(a.id);
  }
  const rows = areas.map((a, position) => ({
    source_id, area_id: a.id, name: a.name, position, geometry: JSON.stringify(a.geometry), ...boxOf(a.geometry),
  }));
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('dashboard_areas').where('source_id', '=', source_id).execute();
    // Geometry text is large: fewer rows per statement.
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT / 10) {
      await trx.insertInto('dashboard_areas').values(rows.slice(i, i + ROWS_PER_STATEMENT / 10)).execute();
    }
  });
}

export async function listAreas(db: Db, source_id: string): Promise<DashboardArea[]> {
  return db.selectFrom('dashboard_areas').select(['area_id as id', 'name']).where('source_id', '=', source_id).orderBy('position').execute();
}

export async function areaShapes(db: Db, source_id: string): Promise<DashboardAreaShape[]> {
  const rows = await db
    .selectFrom('dashboard_areas')
    .select(['area_id', 'name', 'geometry'])
    .where('source_id', '=', source_id)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.area_id, name: r.name, geometry: JSON.parse(r.geometry) as number[][][][] }));
}
