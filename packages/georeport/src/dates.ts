/**
 * W3C-DTF datetimes. Input must carry a timezone (`Z` or `±hh:mm`); output is
 * written in a jurisdiction's local time with its offset: `2026-03-01T09:30:00-06:00`.
 */

/** Epoch ms, or undefined when `s` is not a W3C datetime with a timezone. Fractions allowed. */
export function parseW3CDateTime(s: string): number | undefined {
  throw new Error('TODO');
}

/** `YYYY-MM-DDThh:mm:ss±hh:mm` in `timeZone` (IANA); must be fast (cache offsets). */
export function formatDateTime(ms: number, timeZone: string): string {
  throw new Error('TODO');
}

/** Loose ISO 8601 check for `datetime` attribute values (date alone allowed, timezone optional). */
export function isIso8601(s: string): boolean {
  throw new Error('TODO');
}
