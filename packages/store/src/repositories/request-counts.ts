/**
 * Counts of the public list (X-Total-Count), remembered per data version.
 *
 * A client paging through a list asks the same count for every page, and the
 * 90-day default window moves with the clock, so the same filter comes back
 * with a window shifted by seconds. Counting a million rows again for each is
 * what made paging slow; instead, the count of a window is derived from the
 * remembered count of the closest window of the same filter, plus and minus
 * the counts of the slices in which the two windows differ (a few index
 * entries each). Exact, and only under the data version it was counted at.
 */
import type { RequestFilter } from '../contract.js';

type CountFilter = Omit<RequestFilter, 'limit' | 'offset'>;

interface Window {
  from: number;
  to: number;
  n: number;
}

/** Distinct filters remembered (least recently used go first), and windows per filter. */
const MAX_FILTERS = 512;
const MAX_WINDOWS = 16;

/** The filter without its window: the key under which windows are remembered. */
function filterKey(f: CountFilter): string {
  const { requested_from: _from, requested_to: _to, ...rest } = f;
  // Top-level keys sorted; nested ones (bbox, near) as built, which at worst misses a match.
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export class RequestCounts {
  readonly #filters = new Map<string, Window[]>();
  #version: string | undefined;

  /**
   * The count of `f` under `version`, counting with `count` only what is not
   * remembered. `count` must see data at least as new as `version`.
   */
  async count(f: CountFilter, version: string, count: (f: CountFilter) => Promise<number>): Promise<number> {
    const { requested_from: from, requested_to: to } = f;
    const windowed = from !== undefined && to !== undefined && Number.isSafeInteger(from) && Number.isSafeInteger(to);
    if (!windowed || (f.ids !== undefined && f.ids.length > 0) || from > to) return count(f);
    if (version !== this.#version) {
      this.#filters.clear();
      this.#version = version;
    }
    const key = filterKey(f);
    const windows = this.#filters.get(key) ?? [];
    const closest = nearest(windows, from, to);
    const n = closest === undefined ? await count(f) : closest.n + (await difference(f, closest, from, to, count));
    if (version === this.#version) this.#remember(key, windows, { from, to, n });
    return n;
  }

  #remember(key: string, windows: Window[], w: Window): void {
    if (!windows.some((x) => x.from === w.from && x.to === w.to)) windows.unshift(w);
    if (windows.length > MAX_WINDOWS) windows.length = MAX_WINDOWS;
    this.#filters.delete(key);
    this.#filters.set(key, windows);
    for (const k of this.#filters.keys()) {
      if (this.#filters.size <= MAX_FILTERS) break;
      this.#filters.delete(k);
    }
  }
}

/** The remembered window whose bounds are closest, when that beats counting the window itself. */
function nearest(windows: readonly Window[], from: number, to: number): Window | undefined {
  let best: Window | undefined;
  let bestDistance = to - from;
  for (const w of windows) {
    const distance = Math.abs(w.from - from) + Math.abs(w.to - to);
    if (distance < bestDistance || (distance === 0 && best === undefined)) {
      best = w;
      bestDistance = distance;
    }
  }
  return best;
}

/** count([from, to]) - count([w.from, w.to]), from the slices where the two differ (bounds are inclusive). */
async function difference(
  f: CountFilter,
  w: Window,
  from: number,
  to: number,
  count: (f: CountFilter) => Promise<number>,
): Promise<number> {
  const slice = (low: number, high: number) => count({ ...f, requested_from: low, requested_to: high });
  let d = 0;
  if (from < w.from) d += await slice(from, Math.min(w.from - 1, to));
  if (from > w.from) d -= await slice(w.from, Math.min(from - 1, w.to));
  if (to > w.to) d += await slice(Math.max(w.to + 1, from), to);
  if (to < w.to) d -= await slice(Math.max(to + 1, w.from), w.to);
  return d;
}
