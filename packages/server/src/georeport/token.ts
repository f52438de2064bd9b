/** GET service_request_id from a token: `/open311/v2/tokens/{token}.{fmt}` (batch services). */
import { Type } from 'typebox';
import { encodeReceipts } from '@o311/georeport';
import { splitResource } from '../http/format.js';
import { pathParam, queryValue, rawQuery, sendDocument } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { resolveToken } from '../services/requests.js';
import { georeportRoute, type Contract } from './route.js';
import { GEOREPORT_TAG, JURISDICTION_ID, ReceiptSchema, documents, errors, fileParams } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: '/open311/v2/tokens/:file',
  schema: {
    operationId: 'getServiceRequestIdFromToken',
    summary: 'GET service_request_id from a token',
    description: 'Resolves the token a batch service returned into the request id.',
    tags: [GEOREPORT_TAG],
    params: fileParams('The token', 'b1c2d3'),
    querystring: Type.Object({ jurisdiction_id: JURISDICTION_ID }),
    response: {
      200: documents(Type.Array(ReceiptSchema), 'service_request_id and token (a list of one).', 'service_requests'),
      ...errors(400, 404),
    },
  },
};

export function tokenRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    const { name: token, format } = splitResource(pathParam(request, 'file'));
    const j = await resolveJurisdiction(ctx.store, queryValue(rawQuery(request), 'jurisdiction_id'));
    const receipt = await resolveToken(ctx, j, token);
    return sendDocument(reply, format, encodeReceipts([receipt], format));
  });
}
