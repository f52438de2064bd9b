/**
 * The dashboard's figures counted straight from a list of facts, with Intl for
 * the local days: the independent answer dashboard-contract.ts compares the
 * store's rollup-based queries with.
 */
import {
  BACKLOG_AGE_BOUNDS, CLOSE_HOURS_BOUNDS, type CountByKey, type DailyBrief, type DashboardFact, type DashboardFilter, type DayFigures,
  type SeriesBucket, type VolumePoint,
} from '@o311/store';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export class FactModel {
  readonly #format: Intl.DateTimeFormat;

  constructor(readonly facts: readonly DashboardFact[], timezone: string) {
    this.#format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  day(ms: number): string {
    return this.#format.format(ms);
  }

  static n(day: string): number {
    return Date.parse(`${day}T00:00:00Z`) / DAY;
  }

  static day(n: number): string {
    return new Date(n * DAY).toISOString().slice(0, 10);
  }

  /** The facts under the filter's services, areas and status (any range). */
  matching(f: DashboardFilter): DashboardFact[] {
    return this.facts.filter(
      (x) =>
        (!f.service_codes?.length || f.service_codes.includes(x.service_code)) &&
        (!f.area_ids?.length || f.area_ids.includes(x.area_id ?? '')) &&
        (f.status === undefined || x.status === f.status),
    );
  }

  #openedIn(f: DashboardFilter, from: string, to: string): DashboardFact[] {
    return this.matching(f).filter((x) => this.day(x.requested_at) >= from && this.day(x.requested_at) <= to);
  }

  #closedIn(f: DashboardFilter, from: string, to: string): DashboardFact[] {
    return this.matching(f).filter((x) => x.status === 'closed' && x.closed_at !== null && this.day(x.closed_at) >= from && this.day(x.closed_at) <= to);
  }

  total(f: DashboardFilter): number {
    return this.#openedIn(f, f.from_day, f.to_day).length;
  }

  #countBy(list: DashboardFact[], key: (x: DashboardFact) => string): CountByKey[] {
    const counts = new Map<string, number>();
    for (const x of list) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
    return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }

  countsByService(f: DashboardFilter, from = f.from_day, to = f.to_day): CountByKey[] {
    return this.#countBy(this.#openedIn(f, from, to), (x) => x.service_code);
  }

  countsByArea(f: DashboardFilter, from = f.from_day, to = f.to_day): CountByKey[] {
    return this.#countBy(this.#openedIn(f, from, to), (x) => x.area_id ?? '');
  }

  volume(f: DashboardFilter, bucket: SeriesBucket): VolumePoint[] {
    const startOf = (day: string): string => {
      if (bucket === 'day') return day;
      if (bucket === 'month') return `${day.slice(0, 7)}-01`;
      const n = FactModel.n(day);
      return FactModel.day(n - ((new Date(n * DAY).getUTCDay() + 6) % 7));
    };
    const points = new Map<string, VolumePoint>();
    for (let n = FactModel.n(f.from_day); n <= FactModel.n(f.to_day); n++) {
      const start = startOf(FactModel.day(n));
      if (!points.has(start)) points.set(start, { start, opened: 0, closed: 0 });
    }
    for (const x of this.#openedIn(f, f.from_day, f.to_day)) points.get(startOf(this.day(x.requested_at)))!.opened++;
    for (const x of this.#closedIn(f, f.from_day, f.to_day)) points.get(startOf(this.day(x.closed_at!)))!.closed++;
    return [...points.values()];
  }

  #hours(x: DashboardFact): number {
    return Math.max(0, x.closed_at! - x.requested_at) / HOUR;
  }

  closeTimes(f: DashboardFilter): number[] {
    const out = new Array<number>(CLOSE_HOURS_BOUNDS.length + 1).fill(0);
    for (const x of this.#closedIn(f, f.from_day, f.to_day)) {
      const i = CLOSE_HOURS_BOUNDS.findIndex((b) => this.#hours(x) <= b);
      out[i === -1 ? CLOSE_HOURS_BOUNDS.length : i]!++;
    }
    return out;
  }

  backlogByAge(f: DashboardFilter, now: number): number[] {
    const out = new Array<number>(BACKLOG_AGE_BOUNDS.length + 1).fill(0);
    const today = FactModel.n(this.day(now));
    for (const x of this.matching(f).filter((y) => y.status === 'open')) {
      const age = today - FactModel.n(this.day(x.requested_at));
      const i = BACKLOG_AGE_BOUNDS.findIndex((b) => age < b);
      out[i === -1 ? BACKLOG_AGE_BOUNDS.length : i]!++;
    }
    return out;
  }

  figures(f: DashboardFilter, day: string): DayFigures {
    const closed = this.#closedIn(f, day, day);
    const hours = closed.map((x) => this.#hours(x)).sort((a, b) => a - b);
    const mid = hours.length >> 1;
    return {
      day,
      opened: this.#openedIn(f, day, day).length,
      closed: closed.length,
      backlog: this.#openedIn(f, '0000-01-01', day).length - this.#closedIn(f, '0000-01-01', day).length,
      median_close_hours: hours.length === 0 ? null : hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2,
      sla_breaches: this.matching(f).filter(
        (x) => x.expected_at !== null && this.day(x.expected_at) === day && (x.closed_at === null || x.closed_at > x.expected_at),
      ).length,
    };
  }

  brief(f: DashboardFilter, day: string): DailyBrief {
    const before = FactModel.day(FactModel.n(day) - 7);
    const ranked = (now: CountByKey[], then: CountByKey[]) =>
      now.slice(0, 10).map((c) => ({ ...c, week_before: then.find((t) => t.key === c.key)?.count ?? 0 }));
    return {
      day: this.figures(f, day),
      week_before: this.figures(f, before),
      top_services: ranked(this.countsByService(f, day, day), this.countsByService(f, before, before)),
      top_areas: ranked(this.countsByArea(f, day, day), this.countsByArea(f, before, before)),
    };
  }

  /** Opened in the range under the filter, newest first. */
  newest(f: DashboardFilter): DashboardFact[] {
    return this.#openedIn(f, f.from_day, f.to_day).sort((a, b) => b.requested_at - a.requested_at || (a.request_id < b.request_id ? 1 : -1));
  }
}
