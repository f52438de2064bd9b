/** GET Service Definition of the federated endpoint: the owning upstream's definition of `slug:CODE`, cached. */
import { encodeServiceDefinition } from '@o311/georeport';
import { splitResource } from '../http/format.js';
import { pathParam, sendDocument } from '../http/reply.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { ServiceDefinitionSchema, documents, errors, fileParams } from '../georeport/schemas.js';
import { FEDERATED_BASE, FEDERATED_TAG, type FederatedApi } from './route.js';

export const contract: Contract = {
  method: 'GET',
  url: `${FEDERATED_BASE}/services/:file`,
  schema: {
    operationId: 'getFederatedServiceDefinition',
    summary: 'GET Service Definition (federated)',
    description:
      'The definition the owning endpoint publishes (read through the client SDK with its quirk profile, kept for an ' +
      'hour), with `service_code` namespaced and attribute codes as the endpoint has them. An unknown endpoint or code ' +
      'answers 404; an endpoint that cannot be read, 502.',
    tags: [FEDERATED_TAG],
    params: fileParams('The namespaced service_code', 'polk-county:ROADKILL'),
    response: {
      200: documents(ServiceDefinitionSchema, 'The service definition.', 'service_definition'),
      ...errors(404, 502),
    },
  },
};

export function federatedServiceDefinitionRoute(api: FederatedApi) {
  return georeportRoute(contract, async (request, reply) => {
    const { name, format } = splitResource(pathParam(request, 'file'));
    return sendDocument(reply, format, encodeServiceDefinition(await api.reader.serviceDefinition(name), format));
  });
}
