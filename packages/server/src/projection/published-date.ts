/**
 * Stored instants as a response writes them. The parsers refuse instants that
 * W3C-DTF cannot write, but a row written before they did (or imported, or
 * edited by hand) may still hold one, and one such row must not turn every
 * list that contains it into a 500. So the projection never throws on a date:
 * a date a record may lack is left out (null); a date it must have is written
 * as the nearest instant that can be written (the first or last second of the
 * years 0001-9999).
 */
import { FIRST_WRITABLE_INSTANT, LAST_WRITABLE_INSTANT, formatDateTime, isWritableInstant } from '@o311/georeport';

export function requiredDateTime(ms: number, timeZone: string): string {
  return formatDateTime(Math.min(Math.max(ms, FIRST_WRITABLE_INSTANT), LAST_WRITABLE_INSTANT), timeZone);
}

export function optionalDateTime(ms: number | null, timeZone: string): string | null {
  return ms !== null && isWritableInstant(ms) ? formatDateTime(ms, timeZone) : null;
}
