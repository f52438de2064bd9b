/** GET Service Request of the federated endpoint: `slug:ID` read through to its upstream (kept 30 s). */
import { Type } from 'typebox';
import { encodeRequests } from '@o311/georeport';
import { splitResource } from '../http/format.js';
import { pathParam, sendDocument } from '../http/reply.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { RequestSchema, documents, errors, fileParams } from '../georeport/schemas.js';
import { FEDERATED_BASE, FEDERATED_TAG, type FederatedApi } from './route.js';

export const contract: Contract = {
  method: 'GET',
  url: `${FEDERATED_BASE}/requests/:file`,
  schema: {
    operationId: 'getFederatedServiceRequest',
    summary: 'GET Service Request (federated)',
    description:
      'One request, as a list of one, read from the endpoint that holds it (kept for 30 s); `service_request_id` and ' +
      '`service_code` are namespaced. An unknown endpoint or id answers 404; an endpoint that cannot be read, 502.',
    tags: [FEDERATED_TAG],
    params: fileParams('The federated service_request_id', 'polk-county:1234'),
    response: {
      200: documents(Type.Array(RequestSchema), 'The request.', 'service_requests'),
      ...errors(404, 502),
    },
  },
};

export function federatedRequestRoute(api: FederatedApi) {
  return georeportRoute(contract, async (request, reply) => {
    const { name: id, format } = splitResource(pathParam(request, 'file'));
    return sendDocument(reply, format, encodeRequests([await api.reader.request(id)], format));
  });
}
