/** Service Discovery: `/open311/discovery.{xml,json}` (both formats are mandatory). */
import { Type } from 'typebox';
import { encodeDiscovery, formatDateTime, type Discovery } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import { parseFormat } from '../http/format.js';
import { pathParam, queryValue, rawQuery } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { SANDBOX_BASE } from '../sandbox/sandbox.js';
import { cachedGeoreportRoute, sendThroughCache } from './cached-document.js';
import { API_BASE, type Contract } from './route.js';
import { DiscoverySchema, FormatParams, GEOREPORT_TAG, JURISDICTION_ID, documents, errors } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: '/open311/discovery.:format',
  schema: {
    operationId: 'discovery',
    summary: 'Service discovery',
    description:
      'Where the GeoReport v2 endpoint is, its formats, contact and how to get an API key. ' +
      '`changeset` changes whenever the service list or a service definition changes.',
    tags: [GEOREPORT_TAG],
    params: FormatParams,
    querystring: Type.Object({ jurisdiction_id: JURISDICTION_ID }),
    response: { 200: documents(DiscoverySchema, 'The discovery document.', 'discovery'), ...errors(404) },
  },
};

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

export function discoveryRoute(ctx: ServiceContext) {
  return cachedGeoreportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const requested = queryValue(rawQuery(request), 'jurisdiction_id');
    return sendThroughCache(ctx, request, reply, format, async () => {
      const all = requested ? [await resolveJurisdiction(ctx.store, requested)] : (await ctx.store.listJurisdictions()).filter((j) => !j.sandbox);
      if (all.length === 0) await resolveJurisdiction(ctx.store, undefined); // throws the "no jurisdiction" 404
      return { body: encodeDiscovery(await discoveryDocument(ctx, all, ctx.origin.of(request)), format) };
    });
  });
}

const FORMATS = ['text/xml', 'application/json'];

/**
 * One production endpoint serving every jurisdiction (contact details combined
 * when there are several) and, when the server has a sandbox, its `test`
 * endpoint: a list of two, which naive XML readers also read as a list.
 */
async function discoveryDocument(ctx: ServiceContext, js: readonly Jurisdiction[], origin: string): Promise<Discovery> {
  const stamps = await Promise.all(js.map((j) => ctx.store.servicesChangedAt(j.id)));
  let latest = 0;
  stamps.forEach((s, i) => {
    if (s > (stamps[latest] ?? 0)) latest = i;
  });
  const changeset = formatDateTime(stamps[latest] ?? 0, js[latest]?.timezone ?? 'UTC');
  const single = js.length === 1 ? js[0] : undefined;
  return {
    changeset,
    contact: single ? single.contact : js.map((j) => `${j.name} (${j.id}): ${j.contact}`).join('; '),
    key_service: single ? single.key_service : js.map((j) => `${j.name} (${j.id}): ${j.key_service}`).join('; '),
    endpoints: [
      { specification: SPECIFICATION, url: `${origin}${API_BASE}/`, changeset, type: 'production', formats: FORMATS },
      ...(await sandboxEndpoints(ctx, origin)),
    ],
  };
}

async function sandboxEndpoints(ctx: ServiceContext, origin: string): Promise<Discovery['endpoints']> {
  const sandbox = ctx.sandbox && (await ctx.store.getJurisdiction(ctx.sandbox.jurisdictionId));
  if (!sandbox) return [];
  const changeset = formatDateTime(await ctx.store.servicesChangedAt(sandbox.id), sandbox.timezone);
  return [{ specification: SPECIFICATION, url: `${origin}${SANDBOX_BASE}/`, changeset, type: 'test', formats: FORMATS }];
}
