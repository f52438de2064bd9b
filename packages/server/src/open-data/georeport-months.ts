/** The months that hold requests of a jurisdiction, with their counts: the index of the monthly GeoReport files. */
import { FIRST_WRITABLE_INSTANT, LAST_WRITABLE_INSTANT } from '@o311/georeport';
import type { Jurisdiction, Store } from '@o311/store';
import { monthOf, monthRange, nextMonth, parseMonth } from './local-month.js';

export interface MonthCount {
  /** `YYYY-MM` in the jurisdiction's zone. */
  month: string;
  requests: number;
}

/**
 * Oldest first. Jumps from each month to the next request after it, so empty
 * stretches (or a stray date decades off) cost one query, not one per month.
 */
export async function requestMonths(store: Store, j: Jurisdiction): Promise<MonthCount[]> {
  const out: MonthCount[] = [];
  let from: number | undefined;
  for (;;) {
    const next = await firstRequestedAt(store, j, from);
    // A stored date no W3C datetime can write (an old import) has no month file.
    if (next === undefined || next > LAST_WRITABLE_INSTANT) return out;
    if (next < FIRST_WRITABLE_INSTANT) {
      from = FIRST_WRITABLE_INSTANT;
      continue;
    }
    const month = monthOf(next, j.timezone);
    const { year, month: m } = parseMonth(month)!;
    const { start, end } = monthRange(year, m, j.timezone);
    out.push({ month, requests: await store.countRequests({ jurisdiction_id: j.id, requested_from: start, requested_to: end }) });
    const after = nextMonth(year, m);
    from = monthRange(after.year, after.month, j.timezone).start;
  }
}

async function firstRequestedAt(store: Store, j: Jurisdiction, from: number | undefined): Promise<number | undefined> {
  const pages = store.exportRequests({ jurisdiction_id: j.id, page_size: 1, ...(from !== undefined && { requested_from: from }) });
  for await (const page of pages) return page[0]?.requested_at;
  return undefined;
}
