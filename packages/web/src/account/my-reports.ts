/**
 * What "My reports" shows: a page of the account's local requests (newest
 * first) with their public status, whether each is overdue (tracker/due.ts)
 * and followed by the account's address; the requests sent through the
 * federated endpoint with their delivery state and, for the newest delivered
 * ones, their status read from the endpoint through the router (bounded in
 * number and time); and the other requests the address follows.
 */
import { EXTENDED_STATUSES, type ExtendedStatus, type PublicStatus } from '@o311/georeport';
import { federatedName, routerServices } from '@o311/server';
import type { CitizenAccount, FederatedRequest, FederatedState, Follower, StoredRequest } from '@o311/store';
import type { WebContext } from '../context.js';
import { dueState, type DueState } from '../tracker/due.js';

export const REPORTS_PER_PAGE = 20;
/** Federated requests listed (newest first). */
const FEDERATED_SHOWN = 100;
/** Live statuses read per page view (the newest delivered ones), all together within the deadline. */
export const LIVE_READS = 20;
const LIVE_DEADLINE_MS = 3000;
const FALLBACK_TIMEZONE = 'UTC';

export interface ReportRow {
  id: string;
  jurisdiction_id: string;
  serviceName: string;
  requestedAt: number;
  status: ExtendedStatus;
  timezone: string;
  /** Set when the request is open past its expected date. */
  overdue: (DueState & { kind: 'overdue' }) | undefined;
  following: boolean;
}

export interface FederatedRow {
  /** The registry's name of the endpoint (its slug when it is gone). */
  endpoint: string;
  serviceCode: string;
  state: FederatedState;
  upstreamId: string | null;
  /** `slug:ID` once delivered: the tracker's id. */
  federatedId: string | null;
  /** The status read from the endpoint now; undefined when not delivered, not read (past the first few) or unreadable. */
  live: PublicStatus | undefined;
  createdAt: number;
}

export interface MyReports {
  account: CitizenAccount;
  page: number;
  pages: number;
  reports: ReportRow[];
  federated: FederatedRow[];
  /** Followed requests that are not among this page's reports. */
  otherFollows: Follower[];
}

const followKey = (jurisdiction_id: string, request_id: string): string => `${jurisdiction_id}/${request_id}`;

function overdueOf(r: StoredRequest, now: number, timezone: string): ReportRow['overdue'] {
  if (r.expected_at === null || EXTENDED_STATUSES[r.status] !== 'open') return undefined;
  const due = dueState(r.expected_at, now, timezone);
  return due.kind === 'overdue' ? due : undefined;
}

const federatedIdOf = (f: FederatedRequest): string | null =>
  f.state === 'delivered' && f.upstream_id !== null ? federatedName(f.endpoint_slug, f.upstream_id) : null;

async function federatedRows(web: WebContext, list: readonly FederatedRequest[]): Promise<FederatedRow[]> {
  const fed = routerServices(web.services);
  const ids = list.map(federatedIdOf);
  const slugs = [...new Set(list.map((f) => f.endpoint_slug))];
  const [live, endpoints] = await Promise.all([
    fed.readRequests(ids.filter((id): id is string => id !== null).slice(0, LIVE_READS), LIVE_DEADLINE_MS),
    Promise.all(slugs.map((slug) => fed.federation.endpoint(slug))),
  ]);
  const names = new Map(slugs.map((slug, i) => [slug, endpoints[i]?.name ?? slug]));
  return list.map((f, i) => {
    const id = ids[i]!;
    return {
      endpoint: names.get(f.endpoint_slug) ?? f.endpoint_slug,
      serviceCode: f.service_code,
      state: f.state,
      upstreamId: f.upstream_id,
      federatedId: id,
      live: id === null ? undefined : live.get(id)?.status,
      createdAt: f.created_at,
    };
  });
}

export async function loadMyReports(web: WebContext, account: CitizenAccount, askedPage: number): Promise<MyReports> {
  const { store, now } = web.services;
  const total = await store.citizens.countRequests(account.id);
  const pages = Math.max(1, Math.ceil(total / REPORTS_PER_PAGE));
  const page = Math.min(Math.max(1, askedPage), pages);
  const [requests, follows, federated, jurisdictions] = await Promise.all([
    store.citizens.listRequests(account.id, { limit: REPORTS_PER_PAGE, offset: (page - 1) * REPORTS_PER_PAGE }),
    store.citizens.listFollows(account.email),
    store.federation.listByAccount(account.id, FEDERATED_SHOWN),
    store.listJurisdictions(),
  ]);
  const zones = new Map(jurisdictions.map((j) => [j.id, j.timezone]));
  const followed = new Set(follows.map((f) => followKey(f.jurisdiction_id, f.request_id)));
  const at = now();
  const reports = requests.map((r): ReportRow => {
    const timezone = zones.get(r.jurisdiction_id) ?? FALLBACK_TIMEZONE;
    return {
      id: r.id,
      jurisdiction_id: r.jurisdiction_id,
      serviceName: r.service_name,
      requestedAt: r.requested_at,
      status: r.status,
      timezone,
      overdue: overdueOf(r, at, timezone),
      following: followed.has(followKey(r.jurisdiction_id, r.id)),
    };
  });
  const listed = new Set(reports.map((r) => followKey(r.jurisdiction_id, r.id)));
  return {
    account,
    page,
    pages,
    reports,
    federated: await federatedRows(web, federated),
    otherFollows: follows.filter((f) => !listed.has(followKey(f.jurisdiction_id, f.request_id))),
  };
}
