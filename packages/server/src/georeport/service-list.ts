/** GET Service List: `/open311/v2/services.{fmt}` (+ CitySDK `locale`). */
import { Type } from 'typebox';
import { encodeServices } from '@o311/georeport';
import { parseFormat } from '../http/format.js';
import { pathParam, queryValue, rawQuery } from '../http/reply.js';
import { listPublicServices } from '../services/catalog.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { cachedGeoreportRoute, sendThroughCache } from './cached-document.js';
import type { Contract } from './route.js';
import { FormatParams, GEOREPORT_TAG, JURISDICTION_ID, ServiceSchema, documents, errors } from './schemas.js';

export const LOCALE = Type.Optional(
  Type.String({
    description: 'Extension (CitySDK): language of names and descriptions, e.g. `es` or `es_MX` (falls back to `es`).',
  }),
);

export const contract: Contract = {
  method: 'GET',
  url: '/open311/v2/services.:format',
  schema: {
    operationId: 'getServiceList',
    summary: 'GET Service List',
    description: 'The request types this jurisdiction accepts.',
    tags: [GEOREPORT_TAG],
    params: FormatParams,
    querystring: Type.Object({ jurisdiction_id: JURISDICTION_ID, locale: LOCALE }),
    response: { 200: documents(Type.Array(ServiceSchema), 'The services.', 'services'), ...errors(400, 404) },
  },
};

export function serviceListRoute(ctx: ServiceContext) {
  return cachedGeoreportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const q = rawQuery(request);
    return sendThroughCache(ctx, request, reply, format, async () => {
      const j = await resolveJurisdiction(ctx.store, queryValue(q, 'jurisdiction_id'));
      return { body: encodeServices(await listPublicServices(ctx.store, j, queryValue(q, 'locale')), format) };
    });
  });
}
