/**
 * `X-Open311-Window`: the datetimes a list answer covers, as an ISO 8601 interval
 * in the jurisdiction's time, e.g. `2026-01-01T00:00:00-06:00/2026-03-31T23:59:59-06:00`.
 * It tells a client the default window it got, and which part of a range over
 * 90 days was answered (the most recent 90 days) instead of a 400.
 */
import { formatDateTime } from '@o311/georeport';

export const DATE_WINDOW_HEADER = 'X-Open311-Window';

/** The header for inclusive bounds `start..end` (epoch ms), written to the second. */
export function dateWindowHeader(range: { start: number; end: number }, timeZone: string): Record<string, string> {
  const interval = `${formatDateTime(range.start, timeZone)}/${formatDateTime(range.end, timeZone)}`;
  return { [DATE_WINDOW_HEADER.toLowerCase()]: interval };
}

/** The header in a route's OpenAPI `headers`; `what` names the datetime the window bounds. */
export const dateWindowHeaderDoc = (what: string) => ({
  [DATE_WINDOW_HEADER]: {
    type: 'string',
    description:
      `The ${what} window this answer covers, \`start/end\` (ISO 8601 interval, the city's time). ` +
      'A range asked for over 90 days is answered for its most recent 90 days, and this header says so.',
  },
});
