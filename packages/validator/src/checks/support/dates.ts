/** Datetimes the checks send as query parameters. */
import { formatOffset } from '@o311/georeport';

export const MS_PER_DAY = 86_400_000;

/** Slack for clocks and rounding when comparing datetimes with each other or with bounds. */
export const SLACK_MS = 1000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DDThh:mm:ss` + `Z` (offset 0 and `zulu`) or `±hh:mm`; `offsetMinutes: null` omits the timezone. */
export function w3c(ms: number, offsetMinutes: number | null, zulu = true): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + (offsetMinutes ?? 0) * 60_000);
  const text =
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offsetMinutes === null) return text;
  return offsetMinutes === 0 && zulu ? `${text}Z` : `${text}${formatOffset(offsetMinutes)}`;
}

export const daysAgo = (now: number, days: number): number => now - days * MS_PER_DAY;

export const describeDays = (ms: number): string => `${(ms / MS_PER_DAY).toFixed(1)} days`;
