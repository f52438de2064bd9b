/**
 * GET requests on the federated endpoint: which upstreams to ask, asking them
 * all at once (each with its own deadline), and merging their answers newest
 * first. An upstream that fails or is late is left out and named
 * (missing-endpoints.ts); the others still answer.
 */
import { badRequest, unknownJurisdiction, type PublicRequest, type RequestsQuery } from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import { withDeadline } from './deadline.js';
import { parseFederatedName } from './federated-ids.js';
import type { MissingEndpoint } from './missing-endpoints.js';
import { failureReason } from './read-failure.js';
import type { Federation, Point, UpstreamQuery } from './upstream.js';
import { federatedRequest } from './upstream-request.js';

/** Where to search when the query names no ids: one endpoint (jurisdiction_id = its slug) or those covering a point. */
export interface SearchScope {
  slug?: string;
  point?: Point;
}

export interface SearchAnswer {
  /** Newest first; one page (or the first `maxResults`). */
  items: PublicRequest[];
  /** Requests the upstreams answered in all, before paging. */
  total: number;
  missing: MissingEndpoint[];
}

export interface SearchLimits {
  /** Deadline of each upstream. */
  timeoutMs: number;
  /** Cap without paging (spec: 1000). */
  maxResults: number;
  /** Most upstreams one search may ask. */
  maxUpstreams: number;
}

/** One upstream to ask, with the query in its own names. */
interface Target {
  endpoint: Endpoint;
  query: UpstreamQuery;
}

export const NO_SCOPE =
  'GET requests on the federated endpoint needs where to look: lat and long, jurisdiction_id (an endpoint slug), ' +
  'namespaced service_code values (slug:CODE) or service_request_id values (slug:ID).';

/** Local names grouped by the slug of their federated names; names without a slug match nothing and are dropped. */
function bySlug(names: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const parsed = parseFederatedName(name);
    if (parsed === undefined) continue;
    const list = groups.get(parsed.slug) ?? [];
    list.push(parsed.local);
    groups.set(parsed.slug, list);
  }
  return groups;
}

async function endpointsOf(fed: Federation, slugs: Iterable<string>): Promise<Endpoint[]> {
  const found = await Promise.all([...slugs].map((s) => fed.endpoint(s)));
  return found.filter((e): e is Endpoint => e !== undefined);
}

function checkedSlugs(slugs: Iterable<string>, limits: SearchLimits): string[] {
  const list = [...slugs];
  if (list.length > limits.maxUpstreams) {
    throw badRequest(`The search names ${list.length} endpoints; at most ${limits.maxUpstreams} may be searched at once.`);
  }
  return list;
}

async function targetsOf(fed: Federation, q: RequestsQuery, scope: SearchScope, limits: SearchLimits): Promise<Target[]> {
  if (q.ids !== undefined) {
    const ids = bySlug(q.ids);
    const endpoints = await endpointsOf(fed, checkedSlugs(ids.keys(), limits));
    return endpoints.map((endpoint) => ({ endpoint, query: { ids: ids.get(endpoint.slug)!, start: q.start, end: q.end } }));
  }
  const codes = q.service_codes === undefined ? undefined : bySlug(q.service_codes);
  let endpoints: Endpoint[];
  if (scope.slug !== undefined) {
    const e = await fed.endpoint(scope.slug);
    if (e === undefined) throw unknownJurisdiction(scope.slug);
    endpoints = [e];
  } else if (scope.point !== undefined) {
    endpoints = await fed.covering(scope.point);
  } else if (codes !== undefined) {
    endpoints = await endpointsOf(fed, checkedSlugs(codes.keys(), limits));
  } else {
    throw badRequest(NO_SCOPE);
  }
  const filters: Omit<UpstreamQuery, 'service_codes'> = {
    ...(q.statuses !== undefined && { statuses: q.statuses }),
    start: q.start,
    end: q.end,
    ...(q.updated_after !== undefined && { updated_after: q.updated_after }),
    ...(q.updated_before !== undefined && { updated_before: q.updated_before }),
    ...(q.near !== undefined && { near: q.near }),
  };
  // With service codes, only their owners can answer, each for its own codes.
  return endpoints.slice(0, limits.maxUpstreams).flatMap((endpoint) => {
    if (codes === undefined) return [{ endpoint, query: filters }];
    const own = codes.get(endpoint.slug);
    return own === undefined ? [] : [{ endpoint, query: { ...filters, service_codes: own } }];
  });
}

const newestFirst = (a: PublicRequest, b: PublicRequest): number =>
  Date.parse(b.requested_datetime) - Date.parse(a.requested_datetime) ||
  (a.service_request_id < b.service_request_id ? -1 : a.service_request_id > b.service_request_id ? 1 : 0);

export async function searchRequests(
  fed: Federation,
  q: RequestsQuery,
  scope: SearchScope,
  limits: SearchLimits,
): Promise<SearchAnswer> {
  const targets = await targetsOf(fed, q, scope, limits);
  const settled = await Promise.allSettled(
    targets.map((t) => withDeadline(fed.upstream(t.endpoint).requests(t.query), limits.timeoutMs)),
  );
  const merged: PublicRequest[] = [];
  const missing: MissingEndpoint[] = [];
  settled.forEach((outcome, i) => {
    const slug = targets[i]!.endpoint.slug;
    if (outcome.status === 'rejected') missing.push({ slug, reason: failureReason(outcome.reason) });
    else for (const r of outcome.value) merged.push(federatedRequest(slug, r));
  });
  merged.sort(newestFirst);
  const size = q.paged ? q.page_size : limits.maxResults;
  const from = q.paged ? (q.page - 1) * q.page_size : 0;
  return { items: merged.slice(from, from + size), total: merged.length, missing };
}
