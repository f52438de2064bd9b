/**
 * The dashboard's figures (dashboard.ts), from the daily rollups wherever a
 * count will do, so that a year's filter reads at most days × services × areas
 * rollup rows (a filter by channel counts the same rows from the facts); the
 * brief's median time to close and SLA breaches read the facts of one day
 * through the closed_at and expected_at indexes.
 */
import { sql } from 'kysely';
import {
  BACKLOG_AGE_BOUNDS, CLOSE_HOURS_BOUNDS, MAX_DAY_BUCKETS, type CountByKey, type DailyBrief, type DashboardFilter, type DayFigures,
  type RankedCount, type SeriesBucket, type VolumePoint,
} from '../dashboard.js';
import { dayOfNumber, localDayNumber } from '../days.js';
import { CLOSE_HOURS_COLUMNS } from '../schema/dashboard-tables.js';
import { and, closedSum, dailyRows, factKeyConditions, instants, openedSum, rows, scopeOf, type Scope } from './dashboard-filter.js';
import type { Db } from './shared.js';

const HOUR_MS = 3_600_000;
const TOP = 10;

type Row = Record<string, string | number | null>;
const num = (v: string | number | null | undefined): number => Number(v ?? 0);

/** The scope's daily rows (dailyRows) of days `from` (null: from the first) to `to`. */
function daysOf(s: Scope, from: number | null, to: number, by?: 'service_code' | 'area_id'): ReturnType<typeof and> {
  return dailyRows(s, by, [...(from !== null ? [sql`day >= ${from}`] : []), sql`day <= ${to}`]);
}

async function countsBy(db: Db, s: Scope, column: 'service_code' | 'area_id', from: number, to: number): Promise<CountByKey[]> {
  // Grouped by an expression, not the column: without statistics SQLite would otherwise walk the index that
  // yields the column in order (all the grain's rows) rather than the one that holds the filter's keys.
  const found = await rows<Row>(db, sql`
    select ${sql.ref(column)} || '' as k, ${openedSum(s.status)} as n from ${daysOf(s, from, to, column)} group by ${sql.ref(column)} || ''`);
  return found
    .map((r) => ({ key: String(r.k), count: num(r.n) }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export async function countsByService(db: Db, f: DashboardFilter): Promise<CountByKey[]> {
  const s = await scopeOf(db, f);
  return countsBy(db, s, 'service_code', s.from, s.to);
}

export async function countsByArea(db: Db, f: DashboardFilter): Promise<CountByKey[]> {
  const s = await scopeOf(db, f);
  return countsBy(db, s, 'area_id', s.from, s.to);
}

export async function total(db: Db, f: DashboardFilter): Promise<number> {
  const s = await scopeOf(db, f);
  const [row] = await rows<Row>(db, sql`select ${openedSum(s.status)} as n from ${daysOf(s, s.from, s.to)}`);
  return num(row?.n);
}

/** First day of the bucket holding day number `n`: itself, its week's Monday, or the first of its month. */
function bucketStart(n: number, bucket: SeriesBucket): number {
  if (bucket === 'day') return n;
  // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before.
  if (bucket === 'week') return n - (((n + 3) % 7) + 7) % 7;
  const d = new Date(n * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
}

function nextBucket(start: number, bucket: SeriesBucket): number {
  if (bucket === 'day') return start + 1;
  if (bucket === 'week') return start + 7;
  const d = new Date(start * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
}

export async function volume(db: Db, f: DashboardFilter, bucket: SeriesBucket): Promise<VolumePoint[]> {
  const s = await scopeOf(db, f);
  if (bucket === 'day' && s.to - s.from >= MAX_DAY_BUCKETS) throw new RangeError(`at most ${MAX_DAY_BUCKETS} days by day`);
  const points = new Map<number, VolumePoint>();
  for (let b = bucketStart(s.from, bucket); b <= s.to; b = nextBucket(b, bucket)) {
    points.set(b, { start: dayOfNumber(b), opened: 0, closed: 0 });
  }
  const found = await rows<Row>(db, sql`
    select day, ${openedSum(s.status)} as opened, ${closedSum(s.status)} as closed from ${daysOf(s, s.from, s.to)} group by day`);
  for (const r of found) {
    const p = points.get(bucketStart(num(r.day), bucket));
    if (!p) continue;
    p.opened += num(r.opened);
    p.closed += num(r.closed);
  }
  return [...points.values()];
}

export async function closeTimes(db: Db, f: DashboardFilter): Promise<number[]> {
  const s = await scopeOf(db, f);
  const out = new Array<number>(CLOSE_HOURS_BOUNDS.length + 1).fill(0);
  if (s.status === 'open') return out;
  const sums = CLOSE_HOURS_COLUMNS.map((h) => sql`coalesce(sum(${sql.ref(h)}), 0) as ${sql.ref(h)}`);
  const [row] = await rows<Row>(db, sql`select ${sql.join(sums)} from ${daysOf(s, s.from, s.to)}`);
  return out.map((_, i) => num(row?.[CLOSE_HOURS_COLUMNS[i]!]));
}

/** Open requests by age: opened_still_open of every day, whatever the filter's range. None under `closed`. */
export async function backlogByAge(db: Db, f: DashboardFilter, now: number): Promise<number[]> {
  const s = await scopeOf(db, f);
  const out = new Array<number>(BACKLOG_AGE_BOUNDS.length + 1).fill(0);
  if (s.status === 'closed') return out;
  const today = localDayNumber(now, s.timezone);
  const found = await rows<Row>(db, sql`
    select day, sum(opened_still_open) as n from ${dailyRows(s)} group by day having sum(opened_still_open) > 0`);
  for (const r of found) {
    const age = today - num(r.day);
    const i = BACKLOG_AGE_BOUNDS.findIndex((bound) => age < bound);
    out[i === -1 ? BACKLOG_AGE_BOUNDS.length : i]! += num(r.n);
  }
  return out;
}

/** Opened, closed and backlog of days `d` and `w` (the week before), in one pass over the rollups up to `d`. */
async function rollupFigures(db: Db, s: Scope, d: number, w: number) {
  const opened = (day: number, cmp: '=' | '<=') => sql`sum(case when day ${sql.raw(cmp)} ${day} then ${openedTerm(s)} else 0 end)`;
  const closed = (day: number, cmp: '=' | '<=') =>
    s.status === 'open' ? sql`0` : sql`sum(case when day ${sql.raw(cmp)} ${day} then closed else 0 end)`;
  const [r] = await rows<Row>(db, sql`
    select ${opened(d, '=')} as od, ${closed(d, '=')} as cd, ${opened(d, '<=')} as ocd, ${closed(d, '<=')} as ccd,
      ${opened(w, '=')} as ow, ${closed(w, '=')} as cw, ${opened(w, '<=')} as ocw, ${closed(w, '<=')} as ccw
    from ${daysOf(s, null, d)}`);
  return {
    day: { opened: num(r?.od), closed: num(r?.cd), backlog: num(r?.ocd) - num(r?.ccd) },
    week: { opened: num(r?.ow), closed: num(r?.cw), backlog: num(r?.ocw) - num(r?.ccw) },
  };
}

/** The per-row term of openedSum. */
function openedTerm(s: Scope) {
  if (s.status === 'open') return sql`opened_still_open`;
  if (s.status === 'closed') return sql`opened - opened_still_open`;
  return sql`opened`;
}

function factConditions(s: Scope) {
  const parts = factKeyConditions(s);
  if (s.status !== undefined) parts.push(sql`status = ${s.status}`);
  return parts;
}

/** Exact median hours to close of the facts closed on day `n`. */
async function medianCloseHours(db: Db, s: Scope, n: number): Promise<number | null> {
  if (s.status === 'open') return null;
  const [start, end] = instants(s, n, n);
  const found = await rows<Row>(db, sql`
    select requested_at, closed_at from dashboard_facts
    where ${and([...factConditions(s), sql`status = 'closed'`, sql`closed_at >= ${start}`, sql`closed_at < ${end}`])}`);
  if (found.length === 0) return null;
  const hours = found.map((r) => Math.max(0, num(r.closed_at) - num(r.requested_at)) / HOUR_MS).sort((a, b) => a - b);
  const mid = hours.length >> 1;
  return hours.length % 2 === 1 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
}

/** Facts expected on day `n` and open at that time: not closed, or closed after it. */
async function slaBreaches(db: Db, s: Scope, n: number): Promise<number> {
  const [start, end] = instants(s, n, n);
  const [r] = await rows<Row>(db, sql`
    select count(*) as n from dashboard_facts
    where ${and([...factConditions(s), sql`expected_at >= ${start}`, sql`expected_at < ${end}`, sql`(closed_at is null or closed_at > expected_at)`])}`);
  return num(r?.n);
}

function ranked(now: CountByKey[], before: CountByKey[]): RankedCount[] {
  const earlier = new Map(before.map((c) => [c.key, c.count]));
  return now.slice(0, TOP).map((c) => ({ key: c.key, count: c.count, week_before: earlier.get(c.key) ?? 0 }));
}

export async function brief(db: Db, f: DashboardFilter, day: string): Promise<DailyBrief> {
  const s = await scopeOf(db, { ...f, from_day: day, to_day: day });
  const d = s.from;
  const w = d - 7;
  const [figures, medianD, medianW, slaD, slaW, servicesD, servicesW, areasD, areasW] = await Promise.all([
    rollupFigures(db, s, d, w),
    medianCloseHours(db, s, d),
    medianCloseHours(db, s, w),
    slaBreaches(db, s, d),
    slaBreaches(db, s, w),
    countsBy(db, s, 'service_code', d, d),
    countsBy(db, s, 'service_code', w, w),
    countsBy(db, s, 'area_id', d, d),
    countsBy(db, s, 'area_id', w, w),
  ]);
  const dayFigures = (n: number, c: { opened: number; closed: number; backlog: number }, median: number | null, sla: number): DayFigures => ({
    day: dayOfNumber(n), ...c, median_close_hours: median, sla_breaches: sla,
  });
  return {
    day: dayFigures(d, figures.day, medianD, slaD),
    week_before: dayFigures(w, figures.week, medianW, slaW),
    top_services: ranked(servicesD, servicesW),
    top_areas: ranked(areasD, areasW),
  };
}
