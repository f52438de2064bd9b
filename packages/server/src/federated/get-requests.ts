/**
 * GET Service Requests of the federated endpoint: fanned out to the endpoints
 * covering `lat`+`long`, named by `jurisdiction_id`, or owning the namespaced
 * `service_code`s or `service_request_id`s; merged newest first.
 */
import { Type } from 'typebox';
import { encodeRequests, parseRequestsQuery } from '@o311/georeport';
import { parseFormat } from '../http/format.js';
import { pathParam, rawQuery } from '../http/reply.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { pagingHeaders } from '../georeport/get-requests.js';
import { FormatParams, RequestSchema, dateTime, documents, errors } from '../georeport/schemas.js';
import {
  EXTENSIONS_PARAM, FEDERATED_BASE, FEDERATED_TAG, MISSING_ENDPOINTS_DOC, extensionsOf, federatedListSchema, scopeOf, sendFederated, type FederatedApi,
} from './route.js';
import { LAT, LONG, SLUG } from './schemas.js';

const opt = Type.Optional;

export const contract: Contract = {
  method: 'GET',
  url: `${FEDERATED_BASE}/requests.:format`,
  schema: {
    operationId: 'getFederatedServiceRequests',
    summary: 'GET Service Requests (federated)',
    description:
      'Asks every endpoint in scope at once (each with a 5 s deadline) and merges their requests newest first, at most ' +
      '1000 (or one page). Scope: `service_request_id` values (`slug:ID`), else `jurisdiction_id` (a slug), else the ' +
      'endpoints covering `lat`+`long`, else those owning the `service_code` values (`slug:CODE`); none of these is a 400. ' +
      'start_date, end_date, status, service_code (and radius, updated_after, updated_before) are passed on. An answer ' +
      'without some endpoint in scope names it in `X-Open311-Missing-Endpoints`, and with `extensions=true` in the ' +
      '`missing_endpoints` field too (see the parameter).',
    tags: [FEDERATED_TAG],
    params: FormatParams,
    querystring: Type.Object({
      lat: LAT,
      long: LONG,
      jurisdiction_id: SLUG,
      service_request_id: opt(Type.String({ description: 'Comma-separated federated ids (`slug:ID`); every other filter is then ignored.' })),
      service_code: opt(Type.String({ description: 'Comma-separated namespaced codes (`slug:CODE`).' })),
      start_date: opt(dateTime('Earliest requested_datetime (with timezone).')),
      end_date: opt(dateTime('Latest requested_datetime (with timezone).')),
      status: opt(Type.String({ description: '`open`, `closed` or `open,closed`.' })),
      page: opt(Type.Integer({ minimum: 1, description: 'Extension: 1-based page of the merged list.' })),
      page_size: opt(Type.Integer({ minimum: 1, maximum: 500, description: 'Extension: results per page (default 50).' })),
      extensions: EXTENSIONS_PARAM,
    }),
    response: {
      200: {
        ...documents(federatedListSchema('service_requests', RequestSchema), 'The requests.', 'service_requests'),
        headers: {
          ...MISSING_ENDPOINTS_DOC,
          'X-Total-Count': { type: 'integer', description: 'With paging: requests the endpoints answered in all.' },
          Link: { type: 'string', description: 'With paging: `rel="next"`, `rel="prev"`, `rel="first"`, `rel="last"`.' },
        },
      },
      ...errors(400, 404),
    },
  },
};

export function federatedRequestsRoute(api: FederatedApi) {
  const { ctx } = api;
  return georeportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const q = rawQuery(request);
    const query = parseRequestsQuery(q, {
      now: ctx.now(),
      maxResults: ctx.limits.maxResults,
      maxPageSize: ctx.limits.maxPageSize,
      defaultPageSize: ctx.limits.defaultPageSize,
    });
    const answer = await api.reader.requests(query, scopeOf(q));
    const headers = query.paged ? pagingHeaders(request, ctx, query, answer.total) : {};
    return sendFederated(reply, {
      format, body: encodeRequests(answer.items, format), root: 'service_requests', missing: answer.missing, extensions: extensionsOf(q), headers,
    });
  });
}
