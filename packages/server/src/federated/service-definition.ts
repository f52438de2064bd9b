/** GET Service Definition of the federated endpoint: the owning upstream's definition of `slug:CODE`, cached (+ CitySDK `locale`). */
import { Type } from 'typebox';
import { encodeServiceDefinition } from '@o311/georeport';
import { splitResource } from '../http/format.js';
import { pathParam, queryValue, rawQuery, sendDocument } from '../http/reply.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { ServiceDefinitionSchema, documents, errors, fileParams } from '../georeport/schemas.js';
import { FEDERATED_BASE, FEDERATED_TAG, type FederatedApi } from './route.js';
import { FEDERATED_LOCALE } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: `${FEDERATED_BASE}/services/:file`,
  schema: {
    operationId: 'getFederatedServiceDefinition',
    summary: 'GET Service Definition (federated)',
    description:
      'The definition the owning endpoint publishes (read through the client SDK with its quirk profile, kept for an ' +
      'hour, per locale), with `service_code` namespaced and attribute codes as the endpoint has them; `locale` is passed ' +
      'on. An unknown endpoint or code answers 404; an endpoint that cannot be read, 502.',
    tags: [FEDERATED_TAG],
    params: fileParams('The namespaced service_code', 'polk-county:ROADKILL'),
    querystring: Type.Object({ locale: FEDERATED_LOCALE }),
    response: {
      200: documents(ServiceDefinitionSchema, 'The service definition.', 'service_definition'),
      ...errors(404, 502),
    },
  },
};

export function federatedServiceDefinitionRoute(api: FederatedApi) {
  return georeportRoute(contract, async (request, reply) => {
    const { name, format } = splitResource(pathParam(request, 'file'));
    const locale = queryValue(rawQuery(request), 'locale');
    return sendDocument(reply, format, encodeServiceDefinition(await api.reader.serviceDefinition(name, locale), format));
  });
}
