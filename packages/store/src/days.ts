/**
 * Local calendar days of an IANA zone, written `YYYY-MM-DD`, for the
 * dashboard's rollups (dashboard.ts): which day an instant falls on, when a
 * day starts, and day arithmetic. Offsets come from georeport's cached zone
 * offsets, so a day of 23 or 25 hours (a DST change) is handled.
 */
import { zoneOffsetMinutes } from '@o311/georeport';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day; undefined when it is not a real date. */
export function dayNumber(day: string): number | undefined {
  const m = DAY_PATTERN.exec(day);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const n = ms / DAY_MS;
  return Number.isInteger(n) && dayOfNumber(n) === day ? n : undefined;
}

/** Like {@link dayNumber}, for days the caller has checked; throws RangeError otherwise. */
export function requireDayNumber(day: string): number {
  const n = dayNumber(day);
  if (n === undefined) throw new RangeError(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return n;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of the local day of `ms` in `timezone`. */
export function localDayNumber(ms: number, timezone: string): number {
  return Math.floor((ms + zoneOffsetMinutes(ms, timezone) * MINUTE_MS) / DAY_MS);
}

/** The local day (`YYYY-MM-DD`) of the instant `ms` in `timezone`. */
export function dayOf(ms: number, timezone: string): string {
  return dayOfNumber(localDayNumber(ms, timezone));
}

/** The first instant of day number `n` in `timezone`. */
export function dayNumberStart(n: number, timezone: string): number {
  const wall = n * DAY_MS;
  // The offset at local midnight: guess with the offset of the wall time read as UTC, then correct once
  // (enough unless a change falls within hours of midnight, where the second guess settles it).
  let t = wall - zoneOffsetMinutes(wall, timezone) * MINUTE_MS;
  t = wall - zoneOffsetMinutes(t, timezone) * MINUTE_MS;
  // A midnight skipped by a change: the day starts at the first instant that is on it.
  return localDayNumber(t, timezone) < n ? t + 60 * MINUTE_MS : t;
}

/** The first instant of `day` in `timezone`; throws RangeError for a malformed day. */
export function dayStart(day: string, timezone: string): number {
  return dayNumberStart(requireDayNumber(day), timezone);
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  return dayOfNumber(requireDayNumber(day) + n);
}
