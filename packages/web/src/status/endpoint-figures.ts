/**
 * One endpoint's figures for its page and its JSON: the overview's row, the
 * last poll, the latency per hour (p50/p95 of the hourly histograms, 7 days),
 * uptime per day (90 days), the usage samples and scores (the day's last of
 * each, 90 days), and its incidents. Days and hours are UTC.
 */
import { percentile } from '@o311/monitor';
import type { Endpoint, HourlyRollup, Incident, PollSample, Store, UsageSample, ScoreSample } from '@o311/store';
import { statusRow, type StatusRow } from './status-row.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The latency chart's window, hours. */
export const LATENCY_HOURS = 7 * 24;
/** The uptime, usage and score charts' window, days. */
export const HISTORY_DAYS = 90;
/** The most incidents listed on a page. */
export const MAX_INCIDENTS = 50;
/** The most usage samples or scores read for the 90 days (more than one a day are thinned to the day's last). */
const MAX_SAMPLES = 2_000;

export interface HourFigure {
  /** Start of the hour. */
  hour: number;
  polls: number;
  ups: number;
  p50_ms: number | null;
  p95_ms: number | null;
}

export interface DayFigure {
  /** Start of the day (UTC). */
  day: number;
  polls: number;
  ups: number;
  /** ups / polls; null without polls. */
  uptime: number | null;
}

export interface EndpointFigures {
  row: StatusRow;
  endpoint: Endpoint;
  lastPoll: PollSample | undefined;
  /** Comprehensiveness and utilisation now. */
  latestUsage: UsageSample | undefined;
  /** Every hour of the window, oldest first (polls 0 where none were made). */
  hours: HourFigure[];
  /** Every day of the window, oldest first. */
  days: DayFigure[];
  usage: UsageSample[];
  scores: ScoreSample[];
  incidents: Incident[];
}

const startOf = (ms: number, unit: number): number => Math.floor(ms / unit) * unit;

/** One entry per step from `from`, in order, with what `rollups` hold for it. */
function series<T>(from: number, count: number, step: number, rollups: readonly HourlyRollup[], make: (at: number, within: HourlyRollup[]) => T): T[] {
  const groups = new Map<number, HourlyRollup[]>();
  for (const r of rollups) {
    const key = startOf(r.hour, step);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return Array.from({ length: count }, (_, i) => make(from + i * step, groups.get(from + i * step) ?? []));
}

const sumOf = (rows: readonly HourlyRollup[], pick: (r: HourlyRollup) => number): number => rows.reduce((n, r) => n + pick(r), 0);

export function hourFigure(hour: number, rows: readonly HourlyRollup[]): HourFigure {
  const histogram: number[] = [];
  for (const r of rows) r.latency_histogram.forEach((n, i) => (histogram[i] = (histogram[i] ?? 0) + n));
  return {
    hour,
    polls: sumOf(rows, (r) => r.polls),
    ups: sumOf(rows, (r) => r.ups),
    p50_ms: percentile(histogram, 0.5),
    p95_ms: percentile(histogram, 0.95),
  };
}

export function dayFigure(day: number, rows: readonly HourlyRollup[]): DayFigure {
  const polls = sumOf(rows, (r) => r.polls);
  const ups = sumOf(rows, (r) => r.ups);
  return { day, polls, ups, uptime: polls === 0 ? null : ups / polls };
}

/** The last of each UTC day, oldest first (the input is oldest first). */
export function lastOfEachDay<T extends { at: number }>(list: readonly T[]): T[] {
  const byDay = new Map<number, T>();
  for (const item of list) byDay.set(startOf(item.at, DAY_MS), item);
  return [...byDay.values()];
}

/** The endpoint's figures, or undefined when it is not monitored (unknown, retired, or no target yet). */
export async function endpointFigures(store: Store, slug: string, now: number): Promise<EndpointFigures | undefined> {
  const [endpoint, target] = await Promise.all([store.getEndpoint(slug), store.monitor.getTarget(slug)]);
  if (!endpoint || !target) return undefined;
  const firstDay = startOf(now, DAY_MS) - (HISTORY_DAYS - 1) * DAY_MS;
  const firstHour = startOf(now, HOUR_MS) - (LATENCY_HOURS - 1) * HOUR_MS;
  const window = { slug, from: firstDay, limit: MAX_SAMPLES };
  const [score, usage, lastPoll, rollups, usageList, scores, incidents] = await Promise.all([
    store.monitor.latestScore(slug),
    store.monitor.latestUsage(slug),
    store.monitor.listSamples({ slug, limit: 1 }),
    store.monitor.listHourly(slug, firstDay, now),
    store.monitor.listUsage(window),
    store.monitor.listScores(window),
    store.monitor.listIncidents({ slug, limit: MAX_INCIDENTS }),
  ]);
  return {
    row: statusRow(endpoint, target, score, usage),
    endpoint,
    lastPoll: lastPoll[0],
    latestUsage: usage,
    hours: series(firstHour, LATENCY_HOURS, HOUR_MS, rollups.filter((r) => r.hour >= firstHour), hourFigure),
    days: series(firstDay, HISTORY_DAYS, DAY_MS, rollups, dayFigure),
    usage: lastOfEachDay(usageList),
    scores: lastOfEachDay(scores),
    incidents,
  };
}
