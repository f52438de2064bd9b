/**
 * The overview's figures: every monitored endpoint (a registry endpoint with a
 * monitor target) as a {@link StatusRow}, then filtered, sorted and paged as
 * the query asks. The whole set is bounded (MAX_MONITORED); the latest
 * scores and usage of all of them are read in one query each (per 500 endpoints).
 */
import { tierRank } from '@o311/georeport';
import type { Store } from '@o311/store';
import type { OverviewQuery, SortKey } from './overview-query.js';
import type { ShownState } from './shown-state.js';
import { statusRow, type StatusRow } from './status-row.js';

/** The most endpoints the overview reads (far more than any registry holds today). */
export const MAX_MONITORED = 2_000;
export const PAGE_SIZE = 50;

/** By shown state: `unknown` is never checked, `failing` failed its last checks without an incident yet. */
export interface StateCounts {
  up: number;
  down: number;
  failing: number;
  unknown: number;
  total: number;
}

export interface Overview {
  /** Over every monitored endpoint, whatever the filters. */
  counts: StateCounts;
  /** The countries present, for the filter (sorted). */
  countries: string[];
  /** Endpoints matching the filters. */
  matching: number;
  page: number;
  pages: number;
  rows: StatusRow[];
}

/** Every monitored endpoint, by name. */
export async function monitoredRows(store: Store): Promise<StatusRow[]> {
  const [endpoints, targets] = await Promise.all([store.listEndpoints({ limit: MAX_MONITORED, offset: 0 }), store.monitor.listTargets()]);
  const bySlug = new Map(targets.map((t) => [t.slug, t]));
  const watched = endpoints.flatMap((e) => {
    const target = bySlug.get(e.slug);
    return target ? [{ e, target }] : [];
  });
  const slugs = watched.map(({ e }) => e.slug);
  const [scores, usages] = await Promise.all([store.monitor.latestScores(slugs), store.monitor.latestUsages(slugs)]);
  return watched.map(({ e, target }) => statusRow(e, target, scores.get(e.slug), usages.get(e.slug)));
}

const STATE_RANK: Record<ShownState, number> = { down: 0, failing: 1, unknown: 2, up: 3 };

/** The value a column sorts by; null sorts last whichever the direction. */
function sortValue(r: StatusRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name': return r.name.toLocaleLowerCase();
    case 'tier': return tierRank(r.tier);
    case 'country': return r.country;
    case 'state': return STATE_RANK[r.shown];
    case 'since': return r.since;
    case 'uptime_24h': return r.uptime_24h;
    case 'uptime_7d': return r.uptime_7d;
    case 'uptime_30d': return r.uptime_30d;
    case 'uptime_90d': return r.uptime_90d;
    case 'p50': return r.p50_ms;
    case 'p95': return r.p95_ms;
    case 'score': return r.score?.score ?? null;
    case 'requests_7d': return r.usage?.requests_7d ?? null;
    case 'requests_30d': return r.usage?.requests_30d ?? null;
    case 'newest': return r.usage?.newest_at ?? null;
  }
}

function compareRows(key: SortKey, direction: 'asc' | 'desc'): (a: StatusRow, b: StatusRow) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    }
    return a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug);
  };
}

export function countStates(rows: readonly StatusRow[]): StateCounts {
  const counts: StateCounts = { up: 0, down: 0, failing: 0, unknown: 0, total: rows.length };
  for (const r of rows) counts[r.shown] += 1;
  return counts;
}

export function overviewOf(all: readonly StatusRow[], q: OverviewQuery): Overview {
  const matching = all
    .filter((r) => (q.country === undefined || r.country === q.country) && (q.tier === undefined || r.tier === q.tier) && (q.state === undefined || r.shown === q.state))
    .sort(compareRows(q.sort, q.direction));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const countries = [...new Set(all.flatMap((r) => (r.country ? [r.country] : [])))].sort();
  return { counts: countStates(all), countries, matching: matching.length, page, pages, rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
}

/** How long the overview's rows are reused: the monitor moves them every few minutes at most, and reading them means reading every endpoint's figures. */
export const OVERVIEW_TTL_MS = 15_000;

/**
 * `read` (the monitored rows) called at most once per OVERVIEW_TTL_MS by the
 * clock given, and once at a time: callers arriving during a read share it.
 */
export function keptRows(read: () => Promise<StatusRow[]>, now: () => number): () => Promise<StatusRow[]> {
  let kept: { at: number; rows: StatusRow[] } | undefined;
  let reading: Promise<StatusRow[]> | undefined;
  return () => {
    const at = now();
    if (kept && at >= kept.at && at - kept.at < OVERVIEW_TTL_MS) return Promise.resolve(kept.rows);
    reading ??= read().then(
      (rows) => {
        kept = { at, rows };
        reading = undefined;
        return rows;
      },
      (e: unknown) => {
        reading = undefined;
        throw e;
      },
    );
    return reading;
  };
}
