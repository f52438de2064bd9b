/** GET `/discovery/v1/services.{fmt}?lat=&long=`: every tier's services at a point ("who fixes this here?"). */
import { Type } from 'typebox';
import { encodePointServices } from '@o311/georeport';
import { pathParam, rawQuery, sendDocument } from '../http/reply.js';
import type { Contract } from '../georeport/route.js';
import { parsePoint } from './point-query.js';
import { DISCOVERY_BASE, discoveryFormat, discoveryRoute, type DiscoveryApi } from './route.js';
import { DISCOVERY_TAG, FormatParams, PointQuery, PointServicesSchema, discoveryErrors, documents } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: `${DISCOVERY_BASE}/services.:format`,
  schema: {
    operationId: 'discoveryServices',
    summary: 'Services at a point',
    description:
      'The union of the service lists of every endpoint covering the point, smallest tier first, each service tagged with ' +
      'the endpoint and tier that own it. Endpoints whose lists cannot be had are listed under `unavailable`.',
    tags: [DISCOVERY_TAG],
    params: FormatParams,
    querystring: Type.Object(PointQuery),
    response: { 200: documents(PointServicesSchema, 'The services.', 'point_services'), ...discoveryErrors(400) },
  },
};

export function pointServicesRoute(api: DiscoveryApi) {
  return discoveryRoute(contract, api.ctx, async (request, reply) => {
    const format = discoveryFormat(pathParam(request, 'format'));
    const point = parsePoint(rawQuery(request));
    return sendDocument(reply, format, encodePointServices(await api.points.services(point), format));
  });
}
