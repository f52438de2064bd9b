/**
 * Date and time inputs (`<input type="date">`, `datetime-local`) hold wall-clock
 * values of the jurisdiction's time zone; these convert them to and from epoch ms.
 */
import { formatDateTime, isWritableInstant, zoneOffsetMinutes } from '@o311/georeport';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `ms` as local text, or '' for a stored instant no datetime can write (it is shown as not set). */
const localText = (ms: number, timeZone: string, length: number): string =>
  isWritableInstant(ms) ? formatDateTime(ms, timeZone).slice(0, length) : '';

/** `YYYY-MM-DDTHH:MM` in `timeZone`. */
export const toLocalInput = (ms: number, timeZone: string): string => localText(ms, timeZone, 16);

/** `YYYY-MM-DD` in `timeZone`. */
export const toLocalDate = (ms: number, timeZone: string): string => localText(ms, timeZone, 10);

/** The instant a wall-clock time (as if UTC) names in `timeZone`; undefined past the years a response can write. */
function fromWallClock(wall: number, timeZone: string): number | undefined {
  const first = wall - zoneOffsetMinutes(wall, timeZone) * MINUTE_MS;
  const instant = wall - zoneOffsetMinutes(first, timeZone) * MINUTE_MS;
  return isWritableInstant(instant) ? instant : undefined;
}

function wallClock(parts: readonly string[]): number | undefined {
  const [y, mo, d, h = 0, mi = 0] = parts.map(Number);
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(ms);
  // Date.UTC maps years 0-99 onto 1900-1999; comparing the year refuses them.
  const same = check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d;
  return same && h < 24 && mi < 60 ? ms : undefined;
}

/** Epoch ms of a `YYYY-MM-DDTHH:MM` value; undefined when malformed. */
export function fromLocalInput(value: string, timeZone: string): number | undefined {
  const m = LOCAL_DATETIME.exec(value);
  const wall = m ? wallClock(m.slice(1)) : undefined;
  return wall === undefined ? undefined : fromWallClock(wall, timeZone);
}

/** First (or, with `end`, last) millisecond of a `YYYY-MM-DD` day; undefined when malformed. */
export function fromLocalDate(value: string, timeZone: string, end = false): number | undefined {
  const m = LOCAL_DATE.exec(value);
  const wall = m ? wallClock(m.slice(1)) : undefined;
  if (wall === undefined) return undefined;
  if (!end) return fromWallClock(wall, timeZone);
  const next = fromWallClock(wall + DAY_MS, timeZone);
  return next === undefined ? undefined : next - 1;
}
