/**
 * What the overview (`/status` and `/status/api/endpoints`) was asked for:
 * filters by country, tier and state, the sorted column and the page, read
 * from the URL. Values that are not one of the choices are ignored (all).
 */
import { isTier, type Tier } from '@o311/georeport';
import { param } from '../citizen/public-handler.js';
import { isShownState, type ShownState } from './shown-state.js';

export const SORT_KEYS = [
  'name', 'tier', 'country', 'state', 'since',
  'uptime_24h', 'uptime_7d', 'uptime_30d', 'uptime_90d', 'p50', 'p95',
  'score', 'requests_7d', 'requests_30d', 'newest',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface OverviewQuery {
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  tier?: Tier;
  /** A shown state (shown-state.ts). */
  state?: ShownState;
  sort: SortKey;
  direction: SortDirection;
  /** 1-based; past the last page reads as the last. */
  page: number;
}

/** The most pages one can ask for (the overview holds at most MAX_MONITORED endpoints anyway). */
const MAX_PAGE = 1_000;

const isSortKey = (s: string): s is SortKey => (SORT_KEYS as readonly string[]).includes(s);

export function parseOverviewQuery(query: unknown): OverviewQuery {
  const country = param(query, 'country').trim().toUpperCase();
  const tier = param(query, 'tier');
  const state = param(query, 'status');
  const sort = param(query, 'sort');
  const page = Number.parseInt(param(query, 'page'), 10);
  return {
    ...(/^[A-Z]{2}$/.test(country) && { country }),
    ...(isTier(tier) && { tier }),
    ...(isShownState(state) && { state }),
    sort: isSortKey(sort) ? sort : 'name',
    direction: param(query, 'dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1,
  };
}

/** The query string of `q` with `change` applied (defaults left out), for links. */
export function overviewSearch(q: OverviewQuery, change: Partial<OverviewQuery> = {}): string {
  const next = { ...q, ...change };
  const s = new URLSearchParams();
  if (next.country) s.set('country', next.country);
  if (next.tier) s.set('tier', next.tier);
  if (next.state) s.set('status', next.state);
  if (next.sort !== 'name') s.set('sort', next.sort);
  if (next.direction !== 'asc') s.set('dir', next.direction);
  if (next.page > 1) s.set('page', String(next.page));
  const text = s.toString();
  return text === '' ? '' : `?${text}`;
}
