/**
 * What one fact adds to the daily rollups (dashboard_daily), and the sum of
 * such contributions over a batch: putFacts subtracts the stored facts' parts
 * and adds the new ones, then writes only the keys that moved.
 */
import { CLOSE_HOURS_BOUNDS, type DashboardFact } from '../dashboard.js';
import { localDayNumber } from '../days.js';
import { GRAINS } from '../schema/dashboard-tables.js';

const HOUR_MS = 3_600_000;

/** opened, opened_still_open, closed, h0..h9, close_hours_sum. */
export const DELTA_LENGTH = 3 + CLOSE_HOURS_BOUNDS.length + 1 + 1;
const HOURS_SUM = DELTA_LENGTH - 1;

export interface RollupKey {
  grain: number;
  day: number;
  service_code: string;
  area_id: string;
}

/** The histogram bucket of a time to close: the first bound it does not exceed, else the open-ended one. */
export function closeHoursBucket(hours: number): number {
  const i = CLOSE_HOURS_BOUNDS.findIndex((bound) => hours <= bound);
  return i === -1 ? CLOSE_HOURS_BOUNDS.length : i;
}

/** Hours from request to close, never negative. */
export const closeHours = (f: Pick<DashboardFact, 'requested_at' | 'closed_at'>): number =>
  f.closed_at === null ? 0 : Math.max(0, f.closed_at - f.requested_at) / HOUR_MS;

/** Deltas by rollup key, summed over facts added (+1) and removed (−1). */
export class RollupDelta {
  readonly #byKey = new Map<string, { key: RollupKey; values: number[] }>();

  constructor(private readonly timezone: string) {}

  #at(grain: number, day: number, service_code: string, area_id: string): number[] {
    const k = `${grain}\u0000${day}\u0000${service_code}\u0000${area_id}`;
    let entry = this.#byKey.get(k);
    if (!entry) {
      entry = { key: { grain, day, service_code, area_id }, values: new Array<number>(DELTA_LENGTH).fill(0) };
      this.#byKey.set(k, entry);
    }
    return entry.values;
  }

  /** The rows of a day a fact counts in: one per grain (GRAINS). */
  #rows(day: number, f: DashboardFact): number[][] {
    const area = f.area_id ?? '';
    return [
      this.#at(GRAINS.total, day, '', ''),
      this.#at(GRAINS.service, day, f.service_code, ''),
      this.#at(GRAINS.area, day, '', area),
      this.#at(GRAINS.serviceArea, day, f.service_code, area),
    ];
  }

  /** Adds (sign 1) or takes away (sign −1) a stored-form fact's contribution. */
  add(f: DashboardFact, sign: 1 | -1): void {
    for (const opened of this.#rows(localDayNumber(f.requested_at, this.timezone), f)) {
      opened[0]! += sign;
      if (f.status === 'open') opened[1]! += sign;
    }
    if (f.status === 'closed' && f.closed_at !== null) {
      const hours = closeHours(f);
      const bucket = 3 + closeHoursBucket(hours);
      for (const closed of this.#rows(localDayNumber(f.closed_at, this.timezone), f)) {
        closed[2]! += sign;
        closed[bucket]! += sign;
        closed[HOURS_SUM]! += sign * hours;
      }
    }
  }

  /** The keys whose counts moved (a fact written again unchanged moves none). */
  moved(): { key: RollupKey; values: number[] }[] {
    return [...this.#byKey.values()].filter((e) => e.values.some((v, i) => (i === HOURS_SUM ? Math.abs(v) > 1e-9 : v !== 0)));
  }
}
