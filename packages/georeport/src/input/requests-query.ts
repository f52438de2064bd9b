/** Parameters of GET requests: the spec's filters plus o311's opt-in extensions. */
import type { PublicStatus } from '../model.js';

export interface RequestsQuery {
  /** When present every other filter is ignored (spec). */
  ids?: string[];
  service_codes?: string[];
  statuses?: PublicStatus[];
  /** Bounds on requested_datetime, epoch ms, inclusive. Always set: defaults to the last 90 days. */
  start: number;
  end: number;
  updated_after?: number;
  updated_before?: number;
  near?: { lat: number; long: number; radius_m: number };
  bbox?: { min_long: number; min_lat: number; max_long: number; max_lat: number };
  /** 1-based; `paged` is true when the client sent page or page_size. */
  page: number;
  page_size: number;
  paged: boolean;
  extensions: boolean;
}

export interface RequestsQueryOptions {
  now: number;
  /** Cap without paging (spec: 1000). */
  maxResults: number;
  maxPageSize: number;
  defaultPageSize: number;
}

/** Throws Open311Failure (400) listing every bad parameter. Unknown parameters are ignored; empty = absent. */
export function parseRequestsQuery(
  q: Readonly<Record<string, string | string[] | undefined>>,
  options: RequestsQueryOptions,
): RequestsQuery { throw new Error('TODO'); }
