/**
 * GET Service Requests: `/open311/v2/requests.{fmt}` -- the spec's filters (90-day
 * window, newest first, at most 1000) and the opt-in extensions: paging, geo
 * (radius, bbox), change feed (updated_after/before) and `extensions=true`.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { encodeRequests, parseRequestsQuery, type RequestsQuery } from '@o311/georeport';
import { parseFormat } from '../http/format.js';
import { pathParam, queryValue, rawQuery } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { findRequests } from '../services/requests.js';
import { sendThroughCache } from './cached-document.js';
import { dateWindowHeader, dateWindowHeaderDoc } from './date-window.js';
import { georeportRoute, projectionContext, type Contract } from './route.js';
import {
  EXTENSIONS_TAG, dateTime, FormatParams, GEOREPORT_TAG, JURISDICTION_ID, RequestSchema, documents, errors,
} from './schemas.js';

const opt = Type.Optional;
const ext = (description: string) => `Extension: ${description}`;

export const contract: Contract = {
  method: 'GET',
  url: '/open311/v2/requests.:format',
  schema: {
    operationId: 'getServiceRequests',
    summary: 'GET Service Requests',
    description:
      'Requests of the last 90 days (or of the given window; of a window over 90 days, its most recent 90 days, ' +
      'named in `X-Open311-Window`), newest first, at most 1000. Dates are compared to the second, as they are ' +
      'published. An empty parameter is the same as leaving it out; unknown parameters are ignored, and so are ' +
      '`lat`, `long` and `radius` unless all three are sent.',
    tags: [GEOREPORT_TAG, EXTENSIONS_TAG],
    params: FormatParams,
    querystring: Type.Object({
      jurisdiction_id: JURISDICTION_ID,
      service_request_id: opt(Type.String({ description: 'Comma-separated ids; when given, every other filter is ignored.' })),
      service_code: opt(Type.String({ description: 'Comma-separated service codes.' })),
      start_date: opt(dateTime('Earliest requested_datetime (with timezone), inclusive.')),
      end_date: opt(dateTime('Latest requested_datetime (with timezone), inclusive: a request published at this second is listed.')),
      status: opt(Type.String({ description: '`open`, `closed` or `open,closed`.' })),
      page: opt(Type.Integer({ minimum: 1, description: ext('1-based page number (turns paging on).') })),
      page_size: opt(Type.Integer({ minimum: 1, maximum: 500, description: ext('results per page (default 50).') })),
      lat: opt(Type.Number({ description: ext('with long and radius: requests near a point. Ignored without long and radius.') })),
      long: opt(Type.Number({ description: ext('see lat.') })),
      radius: opt(Type.Number({ description: ext('metres around lat/long (greater than 0, at most 50000). Ignored without lat and long.') })),
      bbox: opt(Type.String({ description: ext('min_long,min_lat,max_long,max_lat.') })),
      updated_after: opt(dateTime(ext('changed after this time.'))),
      updated_before: opt(dateTime(ext('changed before this time.'))),
      extensions: opt(Type.String({ description: ext('`true` adds extended_attributes (detailed_status, media_urls, notes, attributes).') })),
    }),
    response: {
      200: {
        ...documents(Type.Array(RequestSchema), 'The requests.', 'service_requests'),
        headers: {
          'X-Total-Count': { type: 'integer', description: 'With paging: matching requests in all pages.' },
          Link: { type: 'string', description: 'With paging: `rel="next"`, `rel="prev"`, `rel="first"`, `rel="last"`.' },
          ...dateWindowHeaderDoc('requested_datetime'),
        },
      },
      ...errors(400, 404),
    },
  },
};

export function getRequestsRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const q = rawQuery(request);
    return sendThroughCache(ctx, request, reply, format, async () => {
      const j = await resolveJurisdiction(ctx.store, queryValue(q, 'jurisdiction_id'));
      const query = parseRequestsQuery(q, {
        now: ctx.now(),
        maxResults: ctx.limits.maxResults,
        maxPageSize: ctx.limits.maxPageSize,
        defaultPageSize: ctx.limits.defaultPageSize,
      });
      const page = await findRequests(ctx, j, query, projectionContext(request, ctx, j));
      const headers = {
        ...(query.ids === undefined && dateWindowHeader(query, j.timezone)),
        ...(page.total !== undefined && pagingHeaders(request, ctx, query, page.total)),
      };
      return { body: encodeRequests([...page.items], format), headers };
    });
  });
}

export function pagingHeaders(request: FastifyRequest, ctx: ServiceContext, q: RequestsQuery, total: number): Record<string, string> {
  const pages = Math.max(1, Math.ceil(total / q.page_size));
  // Joined, not resolved: a path starting with `//` must not name a host.
  const url = new URL(`${ctx.origin.of(request)}${request.url}`);
  const link = (page: number, rel: string): string => {
    url.searchParams.set('page', String(page));
    url.searchParams.set('page_size', String(q.page_size));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (q.page > 1) links.push(link(Math.min(q.page - 1, pages), 'prev'));
  if (q.page < pages) links.push(link(q.page + 1, 'next'));
  links.push(link(pages, 'last'));
  return {
    'x-total-count': String(total),
    'x-page': String(q.page),
    'x-page-size': String(q.page_size),
    'x-page-count': String(pages),
    link: links.join(', '),
  };
}
