/**
 * UTC offset of an IANA zone at an instant, in whole minutes.
 *
 * Asking Intl costs ~4 µs, too slow for the ~3000 dates of a 1000-row response,
 * so offsets are cached per zone and UTC day. A day whose first and last second
 * share an offset is taken to have no transition; otherwise the transition
 * instant is found once by bisection and cached with the offsets either side.
 */
import { daysFromCivil, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './civil.js';

interface DayOffsets {
  before: number;
  after: number;
  /** First instant with offset `after`; Infinity when the day has no transition. */
  transition: number;
}

const MAX_CACHED_DAYS = 50_000;

class ZoneOffsets {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayOffsets>();
  readonly isUtc: boolean;

  constructor(timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    this.isUtc = this.formatter.resolvedOptions().timeZone === 'UTC';
  }

  offsetAt(ms: number): number {
    if (this.isUtc) return 0;
    const day = Math.floor(ms / MS_PER_DAY);
    let entry = this.days.get(day);
    if (entry === undefined) {
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      entry = this.scanDay(day);
      this.days.set(day, entry);
    }
    return ms < entry.transition ? entry.before : entry.after;
  }

  private scanDay(day: number): DayOffsets {
    let lo = day * MS_PER_DAY;
    let hi = lo + MS_PER_DAY - 1000;
    const before = this.exact(lo);
    const after = this.exact(hi);
    if (before === after) return { before, after, transition: Infinity };
    // Invariant: exact(lo) === before, exact(hi) !== before; both on whole seconds.
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.exact(mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, after: this.exact(hi), transition: hi };
  }

  /** Offset straight from Intl: local wall time minus the instant (to the second). */
  private exact(ms: number): number {
    let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, bc = false;
    for (const part of this.formatter.formatToParts(ms)) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': day = Number(part.value); break;
        case 'hour': hour = Number(part.value); break;
        case 'minute': minute = Number(part.value); break;
        case 'second': second = Number(part.value); break;
        case 'era': bc = part.value === 'BC'; break;
        default: break;
      }
    }
    if (bc) year = 1 - year;
    const wall = daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000;
    const instant = ms - (((ms % 1000) + 1000) % 1000);
    return Math.round((wall - instant) / MS_PER_MINUTE);
  }
}

const zones = new Map<string, ZoneOffsets>();

/** Throws RangeError for a zone name Intl does not know. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = new ZoneOffsets(timeZone);
    zones.set(timeZone, zone);
  }
  return zone.offsetAt(ms);
}
