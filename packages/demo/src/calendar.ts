/**
 * Local calendar days of an IANA zone: the seeder thinks in the city's days
 * (weekday, month, hour of day) and stores epoch milliseconds.
 */

export interface LocalDay {
  /** Epoch ms of local midnight. */
  start: number;
  /** 0 = January. */
  month: number;
  /** 0 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes to add to UTC to get local time in `timeZone` at instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const local = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The `count` local days ending with the day that contains `now`, newest first (index = days ago). */
export function localDays(now: number, timeZone: string, count: number): LocalDay[] {
  const offset = zoneOffsetMinutes(now, timeZone);
  const local = new Date(now + offset * 60_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  const days: LocalDay[] = [];
  for (let i = 0; i < count; i++) {
    const midnightUtc = Date.UTC(y, m, d - i);
    const date = new Date(midnightUtc);
    const off = zoneOffsetMinutes(midnightUtc + 12 * 3_600_000, timeZone);
    days.push({ start: midnightUtc - off * 60_000, month: date.getUTCMonth(), weekday: date.getUTCDay() });
  }
  return days;
}
