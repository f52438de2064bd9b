/**
 * Everything a dashboard view shows under one filter, read with the store's
 * rollup-backed queries, all at once (none waits for another): the brief, the
 * three series, the counts by area, the total and the newest points; plus the
 * names and choices of the filter form.
 */
import { BACKLOG_AGE_BOUNDS, CLOSE_HOURS_BOUNDS, addDays } from '@o311/store';
import type {
  CountByKey, DailyBrief, DashboardArea, DashboardFilter, DashboardSource, MapPoint, SeriesBucket, Store, VolumePoint,
} from '@o311/store';
import { daysBetween, type DashboardQuery } from './dashboard-query.js';

/** Points on the map at most: the newest under the filter. */
export const MAX_POINTS = 2_000;
/** Over this many days the volume is counted per week, over MONTH_AFTER_DAYS per month. */
export const WEEK_AFTER_DAYS = 90;
export const MONTH_AFTER_DAYS = 2 * 365;

export interface ServiceChoice {
  code: string;
  name: string;
  group: string | null;
}

/** What the filter form offers, and the names the figures are shown with. */
export interface SourceChoices {
  services: ServiceChoice[];
  groups: string[];
  areas: DashboardArea[];
}

export interface DashboardView {
  source: DashboardSource;
  query: DashboardQuery;
  filter: DashboardFilter;
  bucket: SeriesBucket;
  brief: DailyBrief;
  volume: VolumePoint[];
  closeTimes: number[];
  backlog: number[];
  areaCounts: CountByKey[];
  total: number;
  points: MapPoint[];
  choices: SourceChoices;
}

export function bucketOf(q: Pick<DashboardQuery, 'from' | 'to'>): SeriesBucket {
  const days = daysBetween(q.from, q.to) + 1;
  return days > MONTH_AFTER_DAYS ? 'month' : days > WEEK_AFTER_DAYS ? 'week' : 'day';
}

/**
 * The services of a source: its jurisdiction's list (with groups) for a local
 * one; for a harvested one the services its requests name, with the name and
 * group of the newest.
 */
export async function sourceChoices(store: Store, source: DashboardSource): Promise<SourceChoices> {
  const [services, areas] = await Promise.all([
    source.kind === 'local'
      ? store.listServices(source.ref, { includeInactive: true }).then((list) =>
        list.map((s): ServiceChoice => ({ code: s.service_code, name: s.service_name, group: s.group })))
      : store.dashboard.serviceNames(source.id).then((list) =>
        list.map((s): ServiceChoice => ({ code: s.service_code, name: s.service_name, group: s.service_group }))),
    store.dashboard.listAreas(source.id),
  ]);
  const groups = [...new Set(services.map((s) => s.group).filter((g): g is string => g !== null && g !== ''))].sort();
  return { services: services.sort((a, b) => a.name.localeCompare(b.name)), groups, areas };
}

/** The store's filter of a query: groups become their services' codes (with the services chosen one by one). */
export function filterOf(source: DashboardSource, q: DashboardQuery, choices: SourceChoices): DashboardFilter | undefined {
  const groups = new Set(q.groups);
  const codes = new Set([...q.services, ...choices.services.filter((s) => s.group !== null && groups.has(s.group)).map((s) => s.code)]);
  // Groups with no service match nothing, not everything.
  if (codes.size === 0 && q.groups.length > 0) return undefined;
  return {
    source_id: source.id,
    from_day: q.from,
    to_day: q.to,
    ...(codes.size > 0 && { service_codes: [...codes] }),
    ...(q.areas.length > 0 && { area_ids: q.areas }),
    ...(q.status !== 'any' && { status: q.status }),
    // Only this server's own requests know their channel.
    ...(source.kind === 'local' && q.channels.length > 0 && { channels: q.channels }),
  };
}

/** A filter that matches nothing (groups without services): every figure zero, no query needed but the buckets. */
function emptyFigures(query: DashboardQuery, volume: VolumePoint[]): Pick<DashboardView, 'brief' | 'volume' | 'closeTimes' | 'backlog' | 'areaCounts' | 'total' | 'points'> {
  const figures = (day: string) => ({ day, opened: 0, closed: 0, backlog: 0, median_close_hours: null, sla_breaches: 0 });
  return {
    brief: { day: figures(query.day), week_before: figures(addDays(query.day, -7)), top_services: [], top_areas: [] },
    volume: volume.map((p) => ({ ...p, opened: 0, closed: 0 })),
    closeTimes: new Array<number>(CLOSE_HOURS_BOUNDS.length + 1).fill(0),
    backlog: new Array<number>(BACKLOG_AGE_BOUNDS.length + 1).fill(0),
    areaCounts: [],
    total: 0,
    points: [],
  };
}

/**
 * `withPoints`: read the map's points too (the page itself shows only their
 * count: its script reads them with the view's JSON).
 */
export async function loadView(store: Store, source: DashboardSource, query: DashboardQuery, choices: SourceChoices, now: number, withPoints = true): Promise<DashboardView> {
  const bucket = bucketOf(query);
  const filter = filterOf(source, query, choices);
  const base = { source, query, bucket, choices };
  if (filter === undefined) {
    const all = { source_id: source.id, from_day: query.from, to_day: query.to };
    return { ...base, filter: all, ...emptyFigures(query, await store.dashboard.volume(all, bucket)) };
  }
  const d = store.dashboard;
  const [brief, volume, closeTimes, backlog, areaCounts, total, points] = await Promise.all([
    d.brief(filter, query.day),
    d.volume(filter, bucket),
    d.closeTimes(filter),
    d.backlogByAge(filter, now),
    d.countsByArea(filter),
    d.total(filter),
    withPoints ? d.points(filter, MAX_POINTS) : Promise.resolve([]),
  ]);
  return { ...base, filter, brief, volume, closeTimes, backlog, areaCounts, total, points };
}
