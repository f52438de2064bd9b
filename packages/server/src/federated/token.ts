/** GET service_request_id from a token on the federated endpoint: where a routed POST stands (@o311/router token-answer.ts). */
import { Type } from 'typebox';
import { encodeReceipts } from '@o311/georeport';
import { tokenAnswer } from '@o311/router';
import { splitResource } from '../http/format.js';
import { pathParam, sendDocument } from '../http/reply.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { ReceiptSchema, documents, errors, fileParams } from '../georeport/schemas.js';
import { FEDERATED_BASE, FEDERATED_TAG, type FederatedApi } from './route.js';

/** Tokens are UUIDs; anything much longer is not looked up. */
const MAX_TOKEN_LENGTH = 100;

export const contract: Contract = {
  method: 'GET',
  url: `${FEDERATED_BASE}/tokens/:file`,
  schema: {
    operationId: 'getFederatedServiceRequestIdFromToken',
    summary: 'GET service_request_id from a token (federated)',
    description:
      'The token of a routed POST: `service_request_id` (namespaced `slug:id`) and `token` once the upstream took the ' +
      'request; the token alone while it is on its way (or when the upstream gives no id); when the upstream refused ' +
      'it (a 4xx), an error document with status 422 whose description carries the upstream\'s own.',
    tags: [FEDERATED_TAG],
    params: fileParams('The token', 'f47ac10b-58cc-4372-a567-0e02b2c3d479'),
    response: {
      200: documents(Type.Array(ReceiptSchema), 'service_request_id (once delivered) and token (a list of one).', 'service_requests'),
      ...errors(404, 422),
    },
  },
};

export function federatedTokenRoute(api: FederatedApi) {
  return georeportRoute(contract, async (request, reply) => {
    const { name: token, format } = splitResource(pathParam(request, 'file'));
    const r = token === '' || token.length > MAX_TOKEN_LENGTH ? undefined : await api.ctx.store.federation.getByToken(token);
    return sendDocument(reply, format, encodeReceipts([tokenAnswer(token, r)], format));
  });
}
