/**
 * The inbox's state lives in its URL (`/staff?status=open&service=POTHOLE&sort=updated_at`):
 * links, bookmarks, saved filters and the CSV export all share it. Unknown
 * values are dropped, so any URL gives a valid query. With no status the
 * inbox shows open requests (the work to do); `status=all` shows every one.
 */
import { isRequestChannel, type ExtendedStatus, type RequestChannel } from '@o311/georeport';
import type { Priority } from '@o311/store';
import { isExtendedStatus, isPriority } from '../request/status-labels.js';

export const SORT_KEYS = ['requested_at', 'updated_at', 'expected_at', 'priority'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Direction = 'asc' | 'desc';

export interface InboxQuery {
  /** Empty: every status (`status=all`). */
  statuses: ExtendedStatus[];
  services: string[];
  group: string;
  /** `YYYY-MM-DD` (jurisdiction time), inclusive. */
  from: string;
  to: string;
  department: string;
  agent: string;
  unassigned: boolean;
  priorities: Priority[];
  /** How the requests reached the city (issue 15); empty: any. */
  channels: RequestChannel[];
  text: string;
  sort: SortKey;
  direction: Direction;
  /** 1-based. */
  page: number;
}

/** The URL value for every status. */
export const ALL_STATUSES = 'all';
/** The statuses of an inbox URL that names none. */
const DEFAULT_STATUSES: ExtendedStatus[] = ['open'];

export const DEFAULT_QUERY: InboxQuery = {
  statuses: DEFAULT_STATUSES, services: [], group: '', from: '', to: '', department: '', agent: '', unassigned: false,
  priorities: [], channels: [], text: '', sort: 'requested_at', direction: 'desc', page: 1,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isSortKey = (s: string): s is SortKey => (SORT_KEYS as readonly string[]).includes(s);
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

function statusesOf(values: string[]): ExtendedStatus[] {
  if (values.includes(ALL_STATUSES)) return [];
  const known = unique(values.filter(isExtendedStatus));
  return known.length === 0 ? [...DEFAULT_STATUSES] : known;
}

const isDefaultStatuses = (s: readonly ExtendedStatus[]): boolean =>
  s.length === DEFAULT_STATUSES.length && s.every((x, i) => x === DEFAULT_STATUSES[i]);

export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const one = (name: string): string => (params.get(name) ?? '').trim();
  const all = (name: string): string[] => params.getAll(name).map((v) => v.trim()).filter((v) => v !== '');
  const sort = one('sort');
  // Up to six digits: a larger page is no page anyone reached by paging, and its offset overflowed the database.
  const page = /^\d{1,6}$/.test(one('page')) ? Number(one('page')) : 1;
  return {
    statuses: statusesOf(all('status')),
    services: unique(all('service')),
    group: one('group'),
    from: DATE.test(one('from')) ? one('from') : '',
    to: DATE.test(one('to')) ? one('to') : '',
    department: one('department'),
    agent: one('agent'),
    unassigned: one('unassigned') === '1',
    priorities: unique(all('priority').filter(isPriority)),
    channels: unique(all('channel').filter(isRequestChannel)),
    text: one('q').slice(0, 200),
    sort: isSortKey(sort) ? sort : DEFAULT_QUERY.sort,
    direction: one('dir') === 'asc' ? 'asc' : 'desc',
    page: Math.max(page, 1),
  };
}

/** The query as URL parameters, defaults left out. */
export function toSearchParams(q: InboxQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.statuses.length === 0) p.append('status', ALL_STATUSES);
  else if (!isDefaultStatuses(q.statuses)) q.statuses.forEach((s) => p.append('status', s));
  q.services.forEach((s) => p.append('service', s));
  const singles: [string, string][] = [
    ['group', q.group], ['from', q.from], ['to', q.to], ['department', q.department], ['agent', q.agent],
    ['unassigned', q.unassigned ? '1' : ''],
  ];
  singles.forEach(([k, v]) => v !== '' && p.append(k, v));
  q.priorities.forEach((v) => p.append('priority', v));
  q.channels.forEach((v) => p.append('channel', v));
  if (q.text !== '') p.append('q', q.text);
  if (q.sort !== DEFAULT_QUERY.sort || q.direction !== DEFAULT_QUERY.direction) {
    p.append('sort', q.sort);
    p.append('dir', q.direction);
  }
  if (q.page > 1) p.append('page', String(q.page));
  return p;
}

/** `path?query` with some parts of the query replaced. */
export function queryHref(path: string, q: InboxQuery, change: Partial<InboxQuery> = {}): string {
  const search = toSearchParams({ ...q, ...change }).toString();
  return search === '' ? path : `${path}?${search}`;
}

/** The filter part of the query (no paging). */
export const filterSearch = (q: InboxQuery): string => toSearchParams({ ...q, page: 1 }).toString();

/** As saved filters keep it: the statuses always named, so that a saved filter means what it meant when saved. */
export function savedSearch(q: InboxQuery): string {
  const search = filterSearch(q);
  return isDefaultStatuses(q.statuses) ? ['status=open', search].filter((s) => s !== '').join('&') : search;
}

/** A saved filter's link. One saved before the inbox opened on open requests names no status: it meant every status. */
export function savedFilterHref(query: string): string {
  const params = new URLSearchParams(query);
  if (!params.has('status')) params.set('status', ALL_STATUSES);
  return `/staff?${params.toString()}`;
}

export const queryOfUrl = (url: string): InboxQuery => parseInboxQuery(new URL(url, 'http://o311.invalid').searchParams);

/** Whether any filter (not sort or page) is set. */
export const isFiltered = (q: InboxQuery): boolean =>
  filterSearch({ ...q, sort: DEFAULT_QUERY.sort, direction: DEFAULT_QUERY.direction }) !== '';
