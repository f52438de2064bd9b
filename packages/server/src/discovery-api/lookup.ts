/** GET `/discovery/v1/lookup.{fmt}?lat=&long=[&tier=][&services=true]`: every endpoint covering a point. */
import { Type } from 'typebox';
import { TIERS, encodeLookup } from '@o311/georeport';
import { pathParam, rawQuery, sendCached } from '../http/reply.js';
import type { Contract } from '../georeport/route.js';
import { documentAnswer } from './document-answer.js';
import { parseLookupQuery } from './point-query.js';
import { DISCOVERY_BASE, NOT_RECOMPRESSED, discoveryFormat, discoveryRoute, type DiscoveryApi } from './route.js';
import { DISCOVERY_TAG, FormatParams, LookupSchema, PointQuery, discoveryErrors, documents } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: `${DISCOVERY_BASE}/lookup.:format`,
  schema: {
    operationId: 'discoveryLookup',
    summary: 'Endpoints at a point',
    description:
      'Every Open311 endpoint whose boundary covers the point, from the smallest tier to the largest (a point on a shared ' +
      'border is in both). With `services=true`, each endpoint\'s service list, cached until `services_expires` (a stale ' +
      'list is answered while it is refreshed); an endpoint that cannot be reached is listed with `services_error`. ' +
      'A point no boundary covers answers an empty list.',
    tags: [DISCOVERY_TAG],
    params: FormatParams,
    querystring: Type.Object({
      ...PointQuery,
      tier: Type.Optional(Type.Enum([...TIERS], { description: 'Only endpoints of this tier.' })),
      services: Type.Optional(Type.Boolean({ description: 'Add each endpoint\'s service list.', default: false })),
    }),
    response: { 200: documents(LookupSchema, 'The endpoints, smallest tier first.', 'lookup'), ...discoveryErrors(400) },
  },
};

export function lookupRoute(api: DiscoveryApi) {
  return discoveryRoute(contract, api.ctx, async (request, reply) => {
    const format = discoveryFormat(pathParam(request, 'format'));
    const q = parseLookupQuery(rawQuery(request));
    const answer = q.services
      ? documentAnswer(encodeLookup(await api.points.lookup(q, q), format), format)
      : await api.points.lookupAnswer(q, q.tier, format);
    return sendCached(request, reply, answer);
  }, NOT_RECOMPRESSED);
}
