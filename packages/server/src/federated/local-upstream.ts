/**
 * A registry endpoint this o311 server serves itself (`local`), read in
 * process through the same services and public projection as /open311/v2:
 * no HTTP to ourselves, and nothing but the public view leaves.
 */
import { isOpen311Failure, type PublicRequest, type RequestsQuery } from '@o311/georeport';
import type { UpstreamQuery, UpstreamReader } from '@o311/router';
import type { Endpoint, Jurisdiction } from '@o311/store';
import { API_BASE } from '../georeport/route.js';
import type { ProjectionContext } from '../projection/public-request.js';
import { publicDefinition } from '../services/catalog.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { findRequest, findRequests } from '../services/requests.js';

/** The value of `read`, or undefined for its 404 (an unknown service or request). */
async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (isOpen311Failure(err) && err.status === 404) return undefined;
    throw err;
  }
}

/** A plain, unpaged query in the shape of /open311/v2's own (the spec's cap applies). */
function localQuery(q: UpstreamQuery, maxResults: number): RequestsQuery {
  return {
    ...(q.ids !== undefined && { ids: [...q.ids] }),
    ...(q.service_codes !== undefined && { service_codes: [...q.service_codes] }),
    ...(q.statuses !== undefined && { statuses: [...q.statuses] }),
    start: q.start,
    end: q.end,
    ...(q.updated_after !== undefined && { updated_after: q.updated_after }),
    ...(q.updated_before !== undefined && { updated_before: q.updated_before }),
    ...(q.near !== undefined && { near: q.near }),
    page: 1,
    page_size: maxResults,
    paged: false,
    extensions: false,
  };
}

export function localUpstream(ctx: ServiceContext, e: Endpoint): UpstreamReader {
  const jurisdiction = (): Promise<Jurisdiction> => resolveJurisdiction(ctx.store, e.jurisdiction_id ?? undefined);
  // Media links name the server's announced origin: a federated answer is cached beyond one request's Host.
  const projection = (j: Jurisdiction): ProjectionContext => ({ timezone: j.timezone, mediaBase: `${ctx.origin.announced}${API_BASE}/media/` });
  return {
    async serviceDefinition(code, locale) {
      return unlessNotFound(publicDefinition(ctx.store, await jurisdiction(), code, locale));
    },
    async requests(q): Promise<PublicRequest[]> {
      const j = await jurisdiction();
      return (await findRequests(ctx, j, localQuery(q, ctx.limits.maxResults), projection(j))).items;
    },
    async request(id) {
      const j = await jurisdiction();
      return unlessNotFound(findRequest(ctx, j, id, false, projection(j)));
    },
  };
}
