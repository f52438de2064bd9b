/** GET Service List of the federated endpoint: the services of every endpoint covering a point (+ CitySDK `locale`). */
import { Type } from 'typebox';
import { encodeOfferedServices } from '@o311/georeport';
import { parseFormat } from '../http/format.js';
import { pathParam, queryValue, rawQuery } from '../http/reply.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { FormatParams, documents, errors } from '../georeport/schemas.js';
import {
  EXTENSIONS_PARAM, FEDERATED_BASE, FEDERATED_TAG, MISSING_ENDPOINTS_DOC, extensionsOf, federatedListSchema, scopeOf, sendFederated, type FederatedApi,
} from './route.js';
import { FEDERATED_LOCALE, FederatedServiceSchema, LAT, LONG, SLUG } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: `${FEDERATED_BASE}/services.:format`,
  schema: {
    operationId: 'getFederatedServiceList',
    summary: 'GET Service List (federated)',
    description:
      'The services of every registry endpoint covering the point (city, county, state, …; smallest tier first), ' +
      'each `service_code` namespaced `slug:CODE` by the endpoint that owns it, which the extension fields ' +
      '`endpoint`, `endpoint_name` and `tier` also name. With `jurisdiction_id` = an endpoint slug: that endpoint\'s ' +
      'services alone. Endpoints whose list cannot be had are named in `X-Open311-Missing-Endpoints`, and with ' +
      '`extensions=true` in the `missing_endpoints` field too (see the parameter). `locale` is passed on to every ' +
      'endpoint (a plain v2 endpoint answers in its own language).',
    tags: [FEDERATED_TAG],
    params: FormatParams,
    querystring: Type.Object({ lat: LAT, long: LONG, jurisdiction_id: SLUG, locale: FEDERATED_LOCALE, extensions: EXTENSIONS_PARAM }),
    response: {
      200: { ...documents(federatedListSchema('services', FederatedServiceSchema), 'The services.', 'services'), headers: MISSING_ENDPOINTS_DOC },
      ...errors(400, 404),
    },
  },
};

export function federatedServiceListRoute(api: FederatedApi) {
  return georeportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const q = rawQuery(request);
    const { services, missing } = await api.reader.services(scopeOf(q), queryValue(q, 'locale'));
    return sendFederated(reply, { format, body: encodeOfferedServices(services, format), root: 'services', missing, extensions: extensionsOf(q) });
  });
}
