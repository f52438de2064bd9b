/** GET Service Request: `/open311/v2/requests/{service_request_id}.{fmt}` (a list of one). */
import { Type } from 'typebox';
import { encodeRequests } from '@o311/georeport';
import { splitResource } from '../http/format.js';
import { pathParam, queryValue, rawQuery, sendDocument } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { findRequest } from '../services/requests.js';
import { extensionsWanted, georeportRoute, projectionContext, type Contract } from './route.js';
import { GEOREPORT_TAG, JURISDICTION_ID, RequestSchema, documents, errors, fileParams } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: '/open311/v2/requests/:file',
  schema: {
    operationId: 'getServiceRequest',
    summary: 'GET Service Request',
    description: 'One request, as a list of one.',
    tags: [GEOREPORT_TAG],
    params: fileParams('The service_request_id', '42'),
    querystring: Type.Object({
      jurisdiction_id: JURISDICTION_ID,
      extensions: Type.Optional(Type.String({ description: 'Extension: `true` adds extended_attributes.' })),
    }),
    response: {
      200: documents(Type.Array(RequestSchema), 'The request.', 'service_requests'),
      ...errors(400, 404),
    },
  },
};

export function getRequestRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    const { name: id, format } = splitResource(pathParam(request, 'file'));
    const q = rawQuery(request);
    const j = await resolveJurisdiction(ctx.store, queryValue(q, 'jurisdiction_id'));
    const found = await findRequest(ctx, j, id, extensionsWanted(queryValue(q, 'extensions')), projectionContext(request, ctx, j));
    return sendDocument(reply, format, encodeRequests([found], format));
  });
}
