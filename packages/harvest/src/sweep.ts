/**
 * Passes over time in windows, newest first. The first pass reads requested
 * dates back to the horizon (the newest days first, so the dashboard fills
 * at once). Later passes read what changed since the last one: by
 * `updated_after`/`updated_before` where the endpoint honours them, else by
 * reading the recent requested windows again. A window that comes back
 * capped (and cannot be paged) is halved and asked again; one that comes back
 * small is doubled for the next window.
 */
import { MAX_SPAN_MS } from '@o311/georeport';
import type { RequestsQuery } from '@o311/client';
import type { HarvestCursor, Sweep } from './cursor.js';
import { DAY_MS, type ResolvedHarvestOptions } from './options.js';

/** Query dates are whole seconds. */
export const SECOND_MS = 1000;
/** Changes are read from a little before the last pass ended: the endpoint's clock and ours differ. */
export const OVERLAP_MS = 60_000;
/** The first window of a requested-dates pass. */
const FIRST_REQUESTED_SPAN_MS = DAY_MS;

const upToSecond = (t: number): number => Math.ceil(t / SECOND_MS) * SECOND_MS;
const downToSecond = (t: number): number => Math.floor(t / SECOND_MS) * SECOND_MS;

/** The pass to start now, from where the cursor stands. */
export function nextSweep(c: HarvestCursor, now: number, o: Pick<ResolvedHarvestOptions, 'horizonDays' | 'refreshDays'>): Sweep {
  const top = upToSecond(now);
  if (!c.backfilled || (c.changes === 'windows')) {
    const back = c.backfilled ? o.refreshDays : o.horizonDays;
    const bottom = top - back * DAY_MS;
    return { axis: 'requested', top, bottom, end: top, span: c.spans.requested ?? FIRST_REQUESTED_SPAN_MS, page: 1 };
  }
  const bottom = downToSecond((c.since ?? top - o.horizonDays * DAY_MS) - OVERLAP_MS);
  const span = Math.min(c.spans.updated ?? top - bottom, MAX_SPAN_MS);
  return { axis: 'updated', top, bottom, end: top, span: Math.max(SECOND_MS, span), page: 1 };
}

export interface SweepWindow {
  start: number;
  end: number;
}

export const windowOf = (s: Sweep): SweepWindow => ({ start: Math.max(s.bottom, s.end - s.span), end: s.end });

/** The 90-day spans of requested dates a changes pass asks about per window, to reach `followDays` back. */
export const reachesOf = (followDays: number): number => Math.max(1, Math.ceil((followDays * DAY_MS) / MAX_SPAN_MS));

/**
 * The query of a window. Bounds are inclusive on the server; the answer is cut to [start, end) after. A
 * changes query also bounds requested dates to one span of 90 days (the `reach`-th before the window's end),
 * because servers (o311 among them) answer any list for at most 90 days of requested dates.
 */
export function windowQuery(s: Pick<Sweep, 'axis' | 'reach'>, w: SweepWindow): RequestsQuery {
  if (s.axis === 'requested') return { start_date: new Date(w.start), end_date: new Date(w.end) };
  const reach = s.reach ?? 0;
  return {
    updated_after: new Date(w.start),
    updated_before: new Date(w.end),
    start_date: new Date(w.end - (reach + 1) * MAX_SPAN_MS),
    end_date: new Date(w.end - reach * MAX_SPAN_MS),
  };
}

/** Half the span on a whole second, at least one second. */
export const halved = (span: number): number => Math.max(SECOND_MS, downToSecond(span / 2));

export const doubled = (span: number): number => Math.min(MAX_SPAN_MS, span * 2);
