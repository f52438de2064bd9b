/** Calendar months in a jurisdiction's time zone: what a monthly GeoReport file covers. */
import { formatDateTime, zoneOffsetMinutes } from '@o311/georeport';

const MS_PER_MINUTE = 60_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` (years 0001-9999), or undefined. */
export function parseMonth(text: string): { year: number; month: number } | undefined {
  const m = MONTH.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= 1 ? { year, month: Number(m[2]) } : undefined;
}

/** The instant of local midnight starting `y-m-d` in `timeZone` (days past the month's end roll over). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const wall = date.getTime();
  // The offset at the wall time taken as UTC is right except within a few hours of a change; once more settles it.
  const guess = wall - zoneOffsetMinutes(wall, timeZone) * MS_PER_MINUTE;
  return wall - zoneOffsetMinutes(guess, timeZone) * MS_PER_MINUTE;
}

/** Inclusive bounds (epoch ms) of the month in `timeZone`. */
export function monthRange(year: number, month: number, timeZone: string): { start: number; end: number } {
  return { start: localMidnight(year, month, 1, timeZone), end: localMidnight(year, month + 1, 1, timeZone) - 1 };
}

/** `YYYY-MM` of an instant in `timeZone`. */
export const monthOf = (ms: number, timeZone: string): string => formatDateTime(ms, timeZone).slice(0, 7);

/** The month after `YYYY-MM`. */
export function nextMonth(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}
