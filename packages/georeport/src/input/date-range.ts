/** Date parameters and the spec's 90-day range rule, shared by GET requests and GET updates. */
import { parseW3CDateTime } from '../dates.js';
import { FIRST_WRITABLE_INSTANT, LAST_WRITABLE_INSTANT } from '../time/writable-range.js';
import { MAX_SPAN_MS } from './limits.js';

/**
 * An unencoded `+` in `…T00:00:00+01:00` arrives as a space once the query or
 * form is decoded; a space before a trailing offset can only have been a `+`.
 */
const restorePlus = (s: string): string => s.replace(/^(.*\d) (\d{2}:?\d{2})$/, '$1+$2');

/**
 * Epoch ms; undefined when `raw` is absent; NaN when it is present but not a
 * W3C datetime with a timezone, the problem already recorded in `problems`.
 */
export function parseDateParam(name: string, raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseW3CDateTime(restorePlus(raw.trim()));
  if (ms !== undefined) return ms;
  problems.push(`${name} must be a W3C datetime with a timezone in the years 0001-9999, e.g. 2026-01-31T00:00:00Z`);
  return NaN;
}

/** Inclusive bounds, epoch ms. */
export interface DateRange {
  start: number;
  end: number;
}

const MS_PER_SECOND = 1000;

/**
 * Datetimes are published in whole seconds (formatDateTime drops the fraction),
 * so a client that asks up to the `requested_datetime` it read, 12:00:00, means
 * the request stored at 12:00:00.700 too. Bounds are compared at that precision:
 * each names its whole second, a start from its first millisecond, an end up to
 * its last.
 */
export const publishedStart = (ms: number): number => Math.floor(ms / MS_PER_SECOND) * MS_PER_SECOND;
export const publishedEnd = (ms: number): number => publishedStart(ms) + MS_PER_SECOND - 1;

/** Both bounds of `range` at the published precision (see publishedStart). */
export const atPublishedPrecision = (range: DateRange): DateRange =>
  ({ start: publishedStart(range.start), end: publishedEnd(range.end) });

/**
 * A bound filled in from the other one (90 days before or after it) may fall
 * outside the years 0001-9999 a datetime can be written in; no record lies
 * there, and the window must stay writable (X-Open311-Window).
 */
export const withinWritableYears = (ms: number): number =>
  Math.min(Math.max(ms, FIRST_WRITABLE_INSTANT), LAST_WRITABLE_INSTANT);

/**
 * The most recent 90 days of `start..end`: the spec caps a query at 90 days, and
 * clients such as the Python library send "since then until today", so a longer
 * range is answered in part (the routes say which part) instead of refused.
 * Records a problem when `end` precedes `start`.
 */
export function mostRecentSpan(range: DateRange, names: readonly [string, string], problems: string[]): DateRange {
  const [startName, endName] = names;
  if (range.end < range.start) problems.push(`${endName} must not be before ${startName}`);
  return { start: Math.max(range.start, range.end - MAX_SPAN_MS), end: range.end };
}
