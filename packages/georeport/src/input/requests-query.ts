/** Parameters of GET requests: the spec's filters plus o311's opt-in extensions. */
import { badRequest } from '../errors.js';
import type { PublicStatus } from '../model.js';
import { PUBLIC_STATUSES } from '../model.js';
import {
  atPublishedPrecision, mostRecentSpan, parseDateParam, publishedEnd, publishedStart, withinWritableYears,
} from './date-range.js';
import { MAX_RADIUS_M, MAX_REQUEST_IDS, MAX_SPAN_MS } from './limits.js';
import { inRange, parseDecimal, parseWholeNumber } from './numbers.js';
import type { QueryRecord } from './query-params.js';
import { listParam, scalarParam } from './query-params.js';
import { quote } from './text-checks.js';

export interface RequestsQuery {
  /** When present every other filter is ignored (spec). */
  ids?: string[];
  service_codes?: string[];
  statuses?: PublicStatus[];
  /**
   * Bounds on requested_datetime, epoch ms, inclusive, at most 90 days apart (a
   * longer range asked for is cut to its most recent 90 days). Bounds the client
   * sent are widened to their whole second (publishedStart/End). Always set:
   * defaults to the last 90 days.
   */
  start: number;
  end: number;
  /** Bounds on updated_datetime, inclusive, widened to their whole second like start and end. */
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

type Paging = Pick<RequestsQuery, 'page' | 'page_size' | 'paged'>;

function parsePaging(q: QueryRecord, options: RequestsQueryOptions, problems: string[]): Paging {
  const pageRaw = scalarParam(q, 'page');
  const sizeName = scalarParam(q, 'page_size') !== undefined ? 'page_size' : 'per_page';
  const sizeRaw = scalarParam(q, sizeName);
  if (pageRaw === undefined && sizeRaw === undefined) return { page: 1, page_size: options.maxResults, paged: false };
  const page = pageRaw === undefined ? 1 : parseWholeNumber(pageRaw);
  if (page === undefined || page < 1) problems.push('page must be a whole number from 1 up');
  const size = sizeRaw === undefined ? options.defaultPageSize : parseWholeNumber(sizeRaw);
  if (!inRange(size, 1, options.maxPageSize)) {
    problems.push(`${sizeName} must be a whole number from 1 to ${options.maxPageSize}`);
  }
  return { page: page ?? 1, page_size: size ?? options.defaultPageSize, paged: true };
}

function parseExtensions(q: QueryRecord, problems: string[]): boolean {
  const raw = scalarParam(q, 'extensions')?.toLowerCase();
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1' || raw === 'all') return true;
  problems.push('extensions must be true or false');
  return false;
}

function parseStatuses(q: QueryRecord, problems: string[]): PublicStatus[] | undefined {
  const raw = listParam(q, 'status');
  if (raw === undefined) return undefined;
  const statuses = new Set<PublicStatus>();
  for (const s of raw) {
    const status = PUBLIC_STATUSES.find((p) => p === s.toLowerCase());
    if (status === undefined) problems.push(`status ${quote(s)} is not valid; use open, closed or open,closed`);
    else statuses.add(status);
  }
  return [...statuses];
}

/**
 * Spec §8 leaves one-sided ranges open; o311 fills in a 90-day window from the
 * bound that was sent (start alone: start..start+90d; end alone: end-90d..end).
 * A range over 90 days is cut to its most recent 90 days.
 */
function parseRequestedRange(q: QueryRecord, now: number, problems: string[]): { start: number; end: number } {
  const start = parseDateParam('start_date', scalarParam(q, 'start_date'), problems);
  const end = parseDateParam('end_date', scalarParam(q, 'end_date'), problems);
  if (start === undefined && end === undefined) return { start: now - MAX_SPAN_MS, end: now };
  const asked = {
    start: start ?? withinWritableYears((end ?? now) - MAX_SPAN_MS),
    end: end ?? withinWritableYears((start ?? now) + MAX_SPAN_MS),
  };
  return atPublishedPrecision(mostRecentSpan(asked, ['start_date', 'end_date'], problems));
}

function parseUpdatedRange(q: QueryRecord, problems: string[]): Pick<RequestsQuery, 'updated_after' | 'updated_before'> {
  const after = parseDateParam('updated_after', scalarParam(q, 'updated_after'), problems);
  const before = parseDateParam('updated_before', scalarParam(q, 'updated_before'), problems);
  if (after !== undefined && before !== undefined && before < after) {
    problems.push('updated_before must not be before updated_after');
  }
  return {
    ...(after !== undefined && { updated_after: publishedStart(after) }),
    ...(before !== undefined && { updated_before: publishedEnd(before) }),
  };
}

const LAT_PROBLEM = 'lat must be a number of decimal degrees from -90 to 90';
const LONG_PROBLEM = 'long must be a number of decimal degrees from -180 to 180';

/**
 * The geo filter needs all three of lat, long and radius. With any missing it is
 * off and the others are ignored, unchecked, as a plain v2 server ignores them:
 * OneBusAway sends lat and long alone and must still get the list.
 */
function parseNear(q: QueryRecord, problems: string[]): RequestsQuery['near'] {
  const latRaw = scalarParam(q, 'lat');
  const longRaw = scalarParam(q, 'long');
  const radiusRaw = scalarParam(q, 'radius');
  if (latRaw === undefined || longRaw === undefined || radiusRaw === undefined) return undefined;
  const lat = parseDecimal(latRaw);
  const long = parseDecimal(longRaw);
  const radius = parseDecimal(radiusRaw);
  const before = problems.length;
  if (!inRange(lat, -90, 90)) problems.push(LAT_PROBLEM);
  if (!inRange(long, -180, 180)) problems.push(LONG_PROBLEM);
  if (!inRange(radius, Number.MIN_VALUE, MAX_RADIUS_M)) {
    problems.push(`radius must be a number of metres greater than 0 and at most ${MAX_RADIUS_M}`);
  }
  if (problems.length > before || lat === undefined || long === undefined || radius === undefined) return undefined;
  return { lat, long, radius_m: radius };
}

const BBOX_FORMAT = 'bbox must be min_long,min_lat,max_long,max_lat in decimal degrees, e.g. 24.929,60.171,24.946,60.176';

function parseBbox(q: QueryRecord, problems: string[]): RequestsQuery['bbox'] {
  const raw = scalarParam(q, 'bbox');
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((p) => parseDecimal(p.trim()));
  const [minLong, minLat, maxLong, maxLat] = parts;
  if (parts.length !== 4 || minLong === undefined || minLat === undefined || maxLong === undefined || maxLat === undefined) {
    problems.push(BBOX_FORMAT);
    return undefined;
  }
  if (!inRange(minLong, -180, 180) || !inRange(maxLong, -180, 180) || !inRange(minLat, -90, 90) || !inRange(maxLat, -90, 90)) {
    problems.push('bbox longitudes must be from -180 to 180 and latitudes from -90 to 90');
    return undefined;
  }
  if (minLong > maxLong || minLat > maxLat) {
    problems.push('bbox minimums must not exceed its maximums (min_long,min_lat,max_long,max_lat)');
    return undefined;
  }
  return { min_long: minLong, min_lat: minLat, max_long: maxLong, max_lat: maxLat };
}

type Filters = Omit<RequestsQuery, keyof Paging | 'extensions'>;

function parseFilters(q: QueryRecord, now: number, problems: string[]): Filters {
  const service_codes = listParam(q, 'service_code');
  const statuses = parseStatuses(q, problems);
  const range = parseRequestedRange(q, now, problems);
  const updated = parseUpdatedRange(q, problems);
  const near = parseNear(q, problems);
  const bbox = parseBbox(q, problems);
  return {
    ...(service_codes !== undefined && { service_codes }),
    ...(statuses !== undefined && { statuses }),
    ...range,
    ...updated,
    ...(near !== undefined && { near }),
    ...(bbox !== undefined && { bbox }),
  };
}

/** Spec: with ids every other filter is ignored, so their values are not checked either. */
function idFilter(ids: string[], now: number, problems: string[]): Filters {
  if (ids.length > MAX_REQUEST_IDS) {
    problems.push(`service_request_id lists ${ids.length} ids; at most ${MAX_REQUEST_IDS} may be asked for at once`);
  }
  return { ids, start: now - MAX_SPAN_MS, end: now };
}

/** Throws Open311Failure (400) listing every bad parameter. Unknown parameters are ignored; empty = absent. */
export function parseRequestsQuery(
  q: Readonly<Record<string, string | string[] | undefined>>,
  options: RequestsQueryOptions,
): RequestsQuery {
  const problems: string[] = [];
  const ids = listParam(q, 'service_request_id');
  const query: RequestsQuery = {
    ...(ids === undefined ? parseFilters(q, options.now, problems) : idFilter(ids, options.now, problems)),
    ...parsePaging(q, options, problems),
    extensions: parseExtensions(q, problems),
  };
  if (problems.length > 0) throw badRequest(...problems);
  return query;
}
