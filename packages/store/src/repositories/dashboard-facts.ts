/**
 * The dashboard's facts (dashboard.ts) and their daily rollups, written
 * together: each put or remove reads the stored facts it replaces, moves the
 * rollups by the difference (one upsert per 500 moved keys, `col = col +
 * delta`) and writes the facts, in one transaction that first locks the
 * source's row, so that concurrent writers of one source take turns. While a
 * rebuild builds the rollups (dashboard-rebuild.ts), the days it has not
 * reached yet are left to it: only the rows of earlier days move.
 */
import { sql, type Selectable } from 'kysely';
import { FACT_STATUSES, type DashboardFact } from '../dashboard.js';
import { localDayNumber } from '../days.js';
import { CLOSE_HOURS_COLUMNS, type DashboardFactsTable } from '../schema/dashboard-tables.js';
import { RollupDelta } from './dashboard-rollup.js';
import { readStored, ROWS_PER_STATEMENT } from './monitor-shared.js';
import { inTransaction, type Db, type Trx } from './shared.js';

export type FactRow = Selectable<DashboardFactsTable>;

/** A fact as stored: no area is '', and a closed fact without a close time closed when last updated. */
export function storedFact(f: DashboardFact): DashboardFact {
  return {
    ...f,
    area_id: f.area_id === '' ? null : f.area_id,
    closed_at: f.status === 'closed' ? (f.closed_at ?? f.updated_at) : null,
  };
}

export function readFact(r: Omit<FactRow, 'requested_day' | 'closed_day'>): DashboardFact {
  return {
    request_id: r.request_id,
    service_code: r.service_code,
    service_name: r.service_name,
    service_group: r.service_group,
    area_id: r.area_id === '' ? null : r.area_id,
    status: readStored(FACT_STATUSES, r.status, 'fact status'),
    detailed_status: r.detailed_status,
    requested_at: Number(r.requested_at),
    updated_at: Number(r.updated_at),
    closed_at: r.closed_at === null ? null : Number(r.closed_at),
    expected_at: r.expected_at === null ? null : Number(r.expected_at),
    lat: r.lat === null ? null : Number(r.lat),
    long: r.long === null ? null : Number(r.long),
    address: r.address,
    description: r.description,
  };
}

/** A stored-form fact as its row, with its local days in the source's zone. */
export const factRow = (source_id: string, f: DashboardFact, timezone: string): FactRow => ({
  source_id, ...f, area_id: f.area_id ?? '',
  requested_day: localDayNumber(f.requested_at, timezone),
  closed_day: f.closed_at === null ? null : localDayNumber(f.closed_at, timezone),
});

/** The columns a fact written again replaces. */
const REPLACED = [
  'service_code', 'service_name', 'service_group', 'area_id', 'status', 'detailed_status', 'requested_at', 'updated_at', 'closed_at',
  'requested_day', 'closed_day', 'expected_at', 'lat', 'long', 'address', 'description',
] as const satisfies readonly (keyof DashboardFactsTable)[];

const sameFact = (a: DashboardFact, b: DashboardFact): boolean =>
  (Object.keys(a) as (keyof DashboardFact)[]).every((k) => a[k] === b[k]);

export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function storedFacts(db: Db, source_id: string, ids: readonly string[]): Promise<Map<string, DashboardFact>> {
  const found = new Map<string, DashboardFact>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('dashboard_facts').selectAll().where('source_id', '=', source_id).where('request_id', 'in', part).execute();
    for (const r of rows) found.set(r.request_id, readFact(r));
  }
  return found;
}

export interface LockedSource {
  timezone: string;
  rebuild_generation: number;
  /** See DashboardSourcesTable.rollups_pending_from. */
  pending_from: number | null;
}

/** The source's row, locked for the transaction where the dialect has row locks. */
export async function lockSource(trx: Trx, source_id: string, rowLocks: boolean): Promise<LockedSource> {
  const query = trx.selectFrom('dashboard_sources').select(['timezone', 'rebuild_generation', 'rollups_pending_from']).where('id', '=', source_id);
  const row = await (rowLocks ? query.forUpdate() : query).executeTakeFirst();
  if (!row) throw new RangeError(`no dashboard source ${source_id}`);
  const pending = row.rollups_pending_from;
  return { timezone: row.timezone, rebuild_generation: Number(row.rebuild_generation), pending_from: pending === null ? null : Number(pending) };
}

async function applyDelta(trx: Trx, source_id: string, delta: RollupDelta, pending_from: number | null): Promise<void> {
  const moved = delta.moved().filter(({ key }) => pending_from === null || key.day < pending_from);
  for (const part of chunks(moved)) {
    const rows = part.map(({ key, values }) => {
      const row: Record<string, string | number> = {
        source_id, grain: key.grain, day: key.day, service_code: key.service_code, area_id: key.area_id,
        opened: values[0]!, opened_still_open: values[1]!, closed: values[2]!, close_hours_sum: values[values.length - 1]!,
      };
      CLOSE_HOURS_COLUMNS.forEach((h, i) => (row[h] = values[3 + i]!));
      return row;
    });
    const add = (c: string) => sql`${sql.ref(`dashboard_daily.${c}`)} + ${sql.ref(`excluded.${c}`)}`;
    const set = Object.fromEntries(['opened', 'opened_still_open', 'closed', ...CLOSE_HOURS_COLUMNS, 'close_hours_sum'].map((c) => [c, add(c)]));
    await trx
      .insertInto('dashboard_daily')
      .values(rows as never)
      .onConflict((oc) => oc.columns(['source_id', 'grain', 'service_code', 'area_id', 'day']).doUpdateSet(set as never))
      .execute();
  }
}

async function finish(trx: Trx, source_id: string, added: number, now: number): Promise<void> {
  await trx
    .updateTable('dashboard_sources')
    .set({ requests: sql`requests + ${added}`, synced_at: now })
    .where('id', '=', source_id)
    .execute();
}

/** The last of each request id. */
function lastById<T>(items: readonly T[], id: (t: T) => string): T[] {
  return [...new Map(items.map((t) => [id(t), t])).values()];
}

export async function putFacts(db: Db, rowLocks: boolean, source_id: string, facts: readonly DashboardFact[], now: number): Promise<void> {
  const fresh = lastById(facts.map(storedFact), (f) => f.request_id);
  await inTransaction(db, async (trx) => {
    const { timezone, pending_from } = await lockSource(trx, source_id, rowLocks);
    const stored = await storedFacts(trx, source_id, fresh.map((f) => f.request_id));
    const delta = new RollupDelta(timezone);
    const changed: DashboardFact[] = [];
    for (const f of fresh) {
      const old = stored.get(f.request_id);
      if (old && sameFact(old, f)) continue;
      if (old) delta.add(old, -1);
      delta.add(f, 1);
      changed.push(f);
    }
    await applyDelta(trx, source_id, delta, pending_from);
    const replace = Object.fromEntries(REPLACED.map((c) => [c, sql.ref(`excluded.${c}`)]));
    for (const part of chunks(changed)) {
      await trx
        .insertInto('dashboard_facts')
        .values(part.map((f) => factRow(source_id, f, timezone)))
        .onConflict((oc) => oc.columns(['source_id', 'request_id']).doUpdateSet(replace as never))
        .execute();
    }
    await finish(trx, source_id, fresh.filter((f) => !stored.has(f.request_id)).length, now);
  });
}

export async function removeFacts(db: Db, rowLocks: boolean, source_id: string, request_ids: readonly string[], now: number): Promise<void> {
  const ids = [...new Set(request_ids)];
  await inTransaction(db, async (trx) => {
    const { timezone, pending_from } = await lockSource(trx, source_id, rowLocks);
    const stored = await storedFacts(trx, source_id, ids);
    const delta = new RollupDelta(timezone);
    for (const f of stored.values()) delta.add(f, -1);
    await applyDelta(trx, source_id, delta, pending_from);
    for (const part of chunks([...stored.keys()])) {
      await trx.deleteFrom('dashboard_facts').where('source_id', '=', source_id).where('request_id', 'in', part).execute();
    }
    await finish(trx, source_id, -stored.size, now);
  });
}

export async function clearFacts(db: Db, rowLocks: boolean, source_id: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await lockSource(trx, source_id, rowLocks);
    await trx.deleteFrom('dashboard_daily').where('source_id', '=', source_id).execute();
    await trx.deleteFrom('dashboard_facts').where('source_id', '=', source_id).execute();
    // Nothing left to build: a rebuild under way stops (its generation is gone).
    await trx
      .updateTable('dashboard_sources')
      .set({ requests: 0, rollups_pending_from: null, rebuild_generation: sql`rebuild_generation + 1` })
      .where('id', '=', source_id)
      .execute();
  });
}

export async function getFacts(db: Db, source_id: string, request_ids: readonly string[]): Promise<DashboardFact[]> {
  const ids = [...new Set(request_ids)];
  const found = await storedFacts(db, source_id, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}
