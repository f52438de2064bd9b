/** GET `/discovery/v1/endpoints.{fmt}`: the registry's endpoints, filtered and paged. */
import { Type } from 'typebox';
import { TIERS, badRequest, encodeRegistryEndpoints, isTier } from '@o311/georeport';
import { ENDPOINT_STATUSES, type EndpointFilter, type EndpointStatus } from '@o311/store';
import { pathParam, queryValue, rawQuery, sendDocument, type RawQuery } from '../http/reply.js';
import type { Contract } from '../georeport/route.js';
import { DISCOVERY_BASE, discoveryFormat, discoveryRoute, type DiscoveryApi } from './route.js';
import { DISCOVERY_TAG, EndpointSchema, FormatParams, discoveryErrors, documents } from './schemas.js';
import { wireEndpoint } from './wire.js';

export const DEFAULT_ENDPOINTS_LIMIT = 100;
export const MAX_ENDPOINTS_LIMIT = 1000;
const MAX_TEXT = 200;

export const contract: Contract = {
  method: 'GET',
  url: `${DISCOVERY_BASE}/endpoints.:format`,
  schema: {
    operationId: 'discoveryEndpoints',
    summary: 'Registry endpoints',
    description: 'The endpoints of the registry by name, filtered by tier, country, status and text (name, slug or URL).',
    tags: [DISCOVERY_TAG],
    params: FormatParams,
    querystring: Type.Object({
      tier: Type.Optional(Type.Enum([...TIERS])),
      country: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2, any case.', examples: ['US'] })),
      status: Type.Optional(Type.Enum([...ENDPOINT_STATUSES])),
      text: Type.Optional(Type.String({ maxLength: MAX_TEXT, description: 'In the name, slug or base URL, any case.' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ENDPOINTS_LIMIT, default: DEFAULT_ENDPOINTS_LIMIT })),
      offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    }),
    response: { 200: documents(Type.Array(EndpointSchema), 'The endpoints.', 'endpoints'), ...discoveryErrors(400) },
  },
};

const isStatus = (s: string): s is EndpointStatus => (ENDPOINT_STATUSES as readonly string[]).includes(s);

function count(q: RawQuery, name: string, min: number, max: number, fallback: number, problems: string[]): number {
  const text = queryValue(q, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) problems.push(`${name} '${text}' must be a whole number from ${min} to ${max}.`);
  return n;
}

/** The filter of the query, else a 400 naming each problem. */
export function parseEndpointFilter(q: RawQuery): EndpointFilter {
  const problems: string[] = [];
  const filter: EndpointFilter = {
    limit: count(q, 'limit', 1, MAX_ENDPOINTS_LIMIT, DEFAULT_ENDPOINTS_LIMIT, problems),
    offset: count(q, 'offset', 0, Number.MAX_SAFE_INTEGER, 0, problems),
  };
  const tier = queryValue(q, 'tier');
  if (tier !== undefined) {
    if (isTier(tier)) filter.tier = tier;
    else problems.push(`tier '${tier}' is unknown; use one of ${TIERS.join(', ')}.`);
  }
  const status = queryValue(q, 'status');
  if (status !== undefined) {
    if (isStatus(status)) filter.status = status;
    else problems.push(`status '${status}' is unknown; use one of ${ENDPOINT_STATUSES.join(', ')}.`);
  }
  const country = queryValue(q, 'country');
  if (country !== undefined) {
    if (/^[a-z]{2}$/i.test(country)) filter.country = country.toUpperCase();
    else problems.push(`country '${country}' must be an ISO 3166-1 alpha-2 code, e.g. US.`);
  }
  const text = queryValue(q, 'text');
  if (text !== undefined) {
    if (text.length <= MAX_TEXT) filter.text = text;
    else problems.push(`text must be at most ${MAX_TEXT} characters.`);
  }
  if (problems.length > 0) throw badRequest(...problems);
  return filter;
}

export function endpointsRoute(api: DiscoveryApi) {
  return discoveryRoute(contract, api.ctx, async (request, reply) => {
    const format = discoveryFormat(pathParam(request, 'format'));
    const list = await api.ctx.store.listEndpoints(parseEndpointFilter(rawQuery(request)));
    return sendDocument(reply, format, encodeRegistryEndpoints(list.map((e) => wireEndpoint(e)), format));
  });
}
