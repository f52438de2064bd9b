/** The dashboard's facts themselves, newest first: map points and downloads (dashboard.ts). */
import { sql } from 'kysely';
import { FACT_STATUSES, MAX_POINTS, type DashboardFact, type DashboardFilter, type MapPoint } from '../dashboard.js';
import { readStored } from './monitor-shared.js';
import { and, factKeyConditions, instants, rows, scopeOf, type Scope } from './dashboard-filter.js';
import { readFact, type FactRow } from './dashboard-facts.js';
import type { Db } from './shared.js';

/** Facts per page of streamFacts. */
export const STREAM_PAGE = 2_000;

function opened(s: Scope) {
  const [start, end] = instants(s);
  const parts = [...factKeyConditions(s), sql`requested_at >= ${start}`, sql`requested_at < ${end}`];
  if (s.status !== undefined) parts.push(sql`status = ${s.status}`);
  return parts;
}

type PointRow = { request_id: string; lat: number; long: number; service_code: string; status: string; requested_at: number | string };

const newestFirst = (a: PointRow, b: PointRow): number =>
  Number(b.requested_at) - Number(a.requested_at) || (a.request_id < b.request_id ? 1 : a.request_id > b.request_id ? -1 : 0);

/**
 * The scope split by its shorter key list (services or areas), one scope per
 * key: each walks its own index newest first and stops at the limit, where one
 * query over all the keys would sort every match of the range.
 */
function byKey(s: Scope): Scope[] {
  const { services, areas } = s;
  if (services.length > 1 && (areas.length === 0 || services.length <= areas.length)) return services.map((k) => ({ ...s, services: [k] }));
  if (areas.length > 1) return areas.map((k) => ({ ...s, areas: [k] }));
  return [s];
}

export async function points(db: Db, f: DashboardFilter, limit: number): Promise<MapPoint[]> {
  const s = await scopeOf(db, f);
  const n = Math.max(0, Math.min(Math.floor(limit) || 0, MAX_POINTS));
  if (n === 0) return [];
  const parts = await Promise.all(
    byKey(s).map((one) => rows<PointRow>(db, sql`
      select request_id, lat, long, service_code, status, requested_at from dashboard_facts
      where ${and([...opened(one), sql`lat is not null`, sql`long is not null`])}
      order by requested_at desc, request_id desc limit ${n}`)),
  );
  const found = parts.length === 1 ? parts[0]! : parts.flat().sort(newestFirst).slice(0, n);
  return found.map((r) => ({
    request_id: r.request_id, lat: Number(r.lat), long: Number(r.long), service_code: r.service_code,
    status: readStored(FACT_STATUSES, r.status, 'fact status'), requested_at: Number(r.requested_at),
  }));
}

export async function* streamFacts(db: Db, f: DashboardFilter): AsyncIterable<DashboardFact[]> {
  const s = await scopeOf(db, f);
  let after: { at: number; id: string } | undefined;
  for (;;) {
    const parts = opened(s);
    if (after) parts.push(sql`(requested_at < ${after.at} or (requested_at = ${after.at} and request_id < ${after.id}))`);
    const page = await rows<FactRow>(db, sql`
      select * from dashboard_facts where ${and(parts)} order by requested_at desc, request_id desc limit ${STREAM_PAGE}`);
    if (page.length === 0) return;
    const facts = page.map(readFact);
    yield facts;
    if (page.length < STREAM_PAGE) return;
    const last = facts[facts.length - 1]!;
    after = { at: last.requested_at, id: last.request_id };
  }
}
