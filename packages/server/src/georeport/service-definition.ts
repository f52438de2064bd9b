/** GET Service Definition: `/open311/v2/services/{service_code}.{fmt}`. */
import { Type } from 'typebox';
import { encodeServiceDefinition } from '@o311/georeport';
import { splitResource } from '../http/format.js';
import { pathParam, queryValue, rawQuery } from '../http/reply.js';
import { publicDefinition } from '../services/catalog.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { cachedGeoreportRoute, sendThroughCache } from './cached-document.js';
import type { Contract } from './route.js';
import { GEOREPORT_TAG, JURISDICTION_ID, ServiceDefinitionSchema, documents, errors, fileParams } from './schemas.js';
import { LOCALE } from './service-list.js';

export const contract: Contract = {
  method: 'GET',
  url: '/open311/v2/services/:file',
  schema: {
    operationId: 'getServiceDefinition',
    summary: 'GET Service Definition',
    description:
      'The attributes (extra questions) of one service. Services with `metadata=false` have an empty attribute list.',
    tags: [GEOREPORT_TAG],
    params: fileParams('The service_code', 'pothole'),
    querystring: Type.Object({ jurisdiction_id: JURISDICTION_ID, locale: LOCALE }),
    response: {
      200: documents(ServiceDefinitionSchema, 'The service definition.', 'service_definition'),
      ...errors(400, 404),
    },
  },
};

export function serviceDefinitionRoute(ctx: ServiceContext) {
  return cachedGeoreportRoute(contract, async (request, reply) => {
    const { name: code, format } = splitResource(pathParam(request, 'file'));
    const q = rawQuery(request);
    return sendThroughCache(ctx, request, reply, format, async () => {
      const j = await resolveJurisdiction(ctx.store, queryValue(q, 'jurisdiction_id'));
      return { body: encodeServiceDefinition(await publicDefinition(ctx.store, j, code, queryValue(q, 'locale')), format) };
    });
  });
}
