/**
 * Dashboard filters as a person changing the form would make them, each one
 * new (no cache can answer): a range within the data's days, a brief day,
 * some services and some areas (or all), status any, open or closed.
 */
import { addDays, dayNumber } from '@o311/store';

export interface FilterSpace {
  /** The data's first and last days in the source's zone. */
  firstDay: string;
  lastDay: string;
  serviceCodes: readonly string[];
  areaIds: readonly string[];
}

const STATUSES = ['any', 'open', 'closed'] as const;

/** A query string generator; none is returned twice. */
export function distinctFilters(space: FilterSpace, rnd: () => number): () => string {
  const span = (dayNumber(space.lastDay) ?? 0) - (dayNumber(space.firstDay) ?? 0);
  const int = (n: number): number => Math.floor(rnd() * n);
  /** None (all) one time in three, else 1 to half of them. */
  const subset = (all: readonly string[]): string[] => {
    if (rnd() < 1 / 3) return [];
    const shuffled = [...all].sort(() => rnd() - 0.5);
    return shuffled.slice(0, 1 + int(Math.max(1, Math.floor(all.length / 2))));
  };
  const seen = new Set<string>();
  return () => {
    for (;;) {
      const from = addDays(space.firstDay, int(span + 1));
      const to = addDays(from, int((dayNumber(space.lastDay) ?? 0) - (dayNumber(from) ?? 0) + 1));
      const p = new URLSearchParams({ day: addDays(space.firstDay, int(span + 1)), from, to });
      for (const s of subset(space.serviceCodes)) p.append('service', s);
      for (const a of subset(space.areaIds)) p.append('area', a);
      const status = STATUSES[int(STATUSES.length)]!;
      if (status !== 'any') p.set('status', status);
      const qs = p.toString();
      if (!seen.has(qs)) {
        seen.add(qs);
        return qs;
      }
    }
  };
}
