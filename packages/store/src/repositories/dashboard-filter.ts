/** A dashboard filter checked and turned into day numbers and SQL conditions (dashboard-queries.ts, dashboard-points.ts). */
import { sql, type RawBuilder } from 'kysely';
import { CLOSE_HOURS_BOUNDS, MAX_FILTER_KEYS, MAX_RANGE_DAYS, type DashboardFilter, type FactStatus } from '../dashboard.js';
import { dayNumberStart, requireDayNumber } from '../days.js';
import { CLOSE_HOURS_COLUMNS, GRAINS } from '../schema/dashboard-tables.js';
import type { Db } from './shared.js';

export interface Scope {
  source_id: string;
  timezone: string;
  /** Day numbers, inclusive. */
  from: number;
  to: number;
  services: readonly string[];
  areas: readonly string[];
  status: FactStatus | undefined;
  /** Empty: every channel. Otherwise the figures come from the facts (factRollup). */
  channels: readonly string[];
  /** The jurisdiction of a local source (whose requests know their channel); undefined for an endpoint. */
  jurisdiction_id: string | undefined;
}

function keys(list: readonly string[] | undefined, what: string): readonly string[] {
  const out = [...new Set(list ?? [])];
  if (out.length > MAX_FILTER_KEYS) throw new RangeError(`at most ${MAX_FILTER_KEYS} ${what} in a filter`);
  return out;
}

/** Throws RangeError for a malformed day, a range longer than MAX_RANGE_DAYS, too many keys or an unknown source. */
export async function scopeOf(db: Db, f: DashboardFilter): Promise<Scope> {
  const from = requireDayNumber(f.from_day);
  const to = requireDayNumber(f.to_day);
  if (to - from >= MAX_RANGE_DAYS) throw new RangeError(`a dashboard range is at most ${MAX_RANGE_DAYS} days`);
  const source = await db.selectFrom('dashboard_sources').select(['timezone', 'kind', 'ref']).where('id', '=', f.source_id).executeTakeFirst();
  if (!source) throw new RangeError(`no dashboard source ${f.source_id}`);
  const channels = keys(f.channels, 'channels');
  if (channels.length > 0 && source.kind !== 'local') throw new RangeError(`the requests of ${f.source_id} do not say their channel`);
  return {
    source_id: f.source_id, timezone: source.timezone, from, to,
    services: keys(f.service_codes, 'services'), areas: keys(f.area_ids, 'areas'), status: f.status,
    channels, jurisdiction_id: source.kind === 'local' ? source.ref : undefined,
  };
}

/** Instants [start of day `from`, start of the day after `to`) of the scope's zone. */
export const instants = (s: Scope, from = s.from, to = s.to): [number, number] => [
  dayNumberStart(from, s.timezone), dayNumberStart(to + 1, s.timezone),
];

/**
 * `column = key` for one key, so that SQLite sees an index on (…, column,
 * time) keeps time order (it does not across an IN list), else `in`.
 */
const oneOf = (column: string, keys: readonly string[]): RawBuilder<unknown> =>
  keys.length === 1 ? sql`${sql.ref(column)} = ${keys[0]}` : sql`${sql.ref(column)} in (${sql.join(keys)})`;

/** Source, services and areas: the conditions of facts, and of rollups with `grain` (both keep '' for no area). */
export function keyConditions(s: Scope): RawBuilder<unknown>[] {
  const out = [sql`source_id = ${s.source_id}`];
  if (s.services.length > 0) out.push(oneOf('service_code', s.services));
  if (s.areas.length > 0) out.push(oneOf('area_id', s.areas));
  return out;
}

/** The conditions of the scope's facts: its keys and, when filtered, the channel of their requests (local sources only). */
export function factKeyConditions(s: Scope): RawBuilder<unknown>[] {
  const out = keyConditions(s);
  if (s.channels.length > 0) {
    out.push(sql`request_id in (select cast(id as text) from requests where jurisdiction_id = ${s.jurisdiction_id ?? ''} and ${oneOf('channel', s.channels)})`);
  }
  return out;
}

/** Hours from request to close of a closed fact, as CLOSE_HOURS_BOUNDS counts them (closeHours in dashboard-rollup.ts). */
const CLOSE_HOURS = sql`(case when closed_at > requested_at then (closed_at - requested_at) / 3600000.0 else 0 end)`;

/** The histogram columns of one closed fact: 1 in the bucket of its hours (closeHoursBucket), 0 elsewhere. */
function closeHourColumns(): RawBuilder<unknown>[] {
  return CLOSE_HOURS_COLUMNS.map((column, i) => {
    const above = i === 0 ? sql`1 = 1` : sql`${CLOSE_HOURS} > ${sql.lit(CLOSE_HOURS_BOUNDS[i - 1]!)}`;
    const within = i < CLOSE_HOURS_BOUNDS.length ? sql`${CLOSE_HOURS} <= ${sql.lit(CLOSE_HOURS_BOUNDS[i]!)}` : sql`1 = 1`;
    return sql`case when ${above} and ${within} then 1 else 0 end as ${sql.ref(column)}`;
  });
}

/**
 * The scope's daily rows (the columns of dashboard_daily) counted from its
 * facts, for a filter the rollups cannot answer (a channel): each fact adds
 * an opened row on its request day and, closed, a closed row on its close
 * day, as RollupDelta adds them to the rollups.
 */
function factRollup(s: Scope): RawBuilder<unknown> {
  const where = and(factKeyConditions(s));
  const none = CLOSE_HOURS_COLUMNS.map((column) => sql`0 as ${sql.ref(column)}`);
  return sql`(select requested_day as day, service_code, area_id, 1 as opened,
      case when status = 'open' then 1 else 0 end as opened_still_open, 0 as closed, ${sql.join(none)}, 0 as close_hours_sum
    from dashboard_facts where ${where}
    union all
    select closed_day as day, service_code, area_id, 0 as opened, 0 as opened_still_open, 1 as closed, ${sql.join(closeHourColumns())},
      ${CLOSE_HOURS} as close_hours_sum
    from dashboard_facts where ${where} and status = 'closed' and closed_day is not null) as daily`;
}

/**
 * The scope's daily rows and their conditions, to read as `select … from
 * ${dailyRows(s, by)}`: the rollups at the grain that answers the scope, or
 * (filtered by channel) the same rows counted from the facts.
 */
export function dailyRows(s: Scope, by?: 'service_code' | 'area_id', days: RawBuilder<unknown>[] = []): RawBuilder<unknown> {
  if (s.channels.length === 0) return sql`dashboard_daily where ${and([...rollupKeys(s, by), ...days])}`;
  return days.length === 0 ? factRollup(s) : sql`${factRollup(s)} where ${and(days)}`;
}

/**
 * The coarsest rollup grain (GRAINS) that answers the scope's filter, and
 * counts by service or by area when `by` asks for it.
 */
export const grainOf = (s: Scope, by?: 'service_code' | 'area_id'): number =>
  (s.services.length > 0 || by === 'service_code' ? GRAINS.service : 0) | (s.areas.length > 0 || by === 'area_id' ? GRAINS.area : 0);

/** The rollup rows of the scope's keys at the grain that answers it. */
export const rollupKeys = (s: Scope, by?: 'service_code' | 'area_id'): RawBuilder<unknown>[] => [
  ...keyConditions(s), sql`grain = ${grainOf(s, by)}`,
];

export const and = (parts: readonly RawBuilder<unknown>[]): RawBuilder<unknown> => sql`${sql.join(parts, sql` and `)}`;

/**
 * Requests opened, of a set of rollup rows, counting only those whose status
 * now is the filter's: open ones are `opened_still_open`, closed ones the rest.
 */
export function openedSum(status: FactStatus | undefined): RawBuilder<unknown> {
  if (status === 'open') return sql`coalesce(sum(opened_still_open), 0)`;
  if (status === 'closed') return sql`coalesce(sum(opened - opened_still_open), 0)`;
  return sql`coalesce(sum(opened), 0)`;
}

/** Requests closed (rollups count only those still closed); none under the `open` status. */
export const closedSum = (status: FactStatus | undefined): RawBuilder<unknown> =>
  status === 'open' ? sql`0` : sql`coalesce(sum(closed), 0)`;

/** Runs a query and reads its rows. */
export async function rows<R>(db: Db, query: RawBuilder<unknown>): Promise<R[]> {
  return (await (query as RawBuilder<R>).execute(db)).rows;
}
