/**
 * GET `/discovery/v1/boundaries/{id}.geojson`: a boundary as a GeoJSON Feature
 * (RFC 7946). Geometries can be large: the answer goes through the read cache
 * (gzipped once, entity tag, 304) until the data version moves.
 */
import { Type } from 'typebox';
import { badRequest, notFound } from '@o311/georeport';
import type { Boundary } from '@o311/store';
import { answerKey } from '../http/read-cache.js';
import { pathParam, sendCached } from '../http/reply.js';
import type { Contract } from '../georeport/route.js';
import { DISCOVERY_BASE, NOT_RECOMPRESSED, discoveryRoute, splitFile, type DiscoveryApi } from './route.js';
import { DISCOVERY_TAG, GeoJsonFeature, discoveryErrors } from './schemas.js';

export const GEOJSON_TYPE = 'application/geo+json';

export const contract: Contract = {
  method: 'GET',
  url: `${DISCOVERY_BASE}/boundaries/:file`,
  schema: {
    operationId: 'discoveryBoundary',
    summary: 'A boundary\'s geometry',
    description: 'The boundary an endpoint serves, as a GeoJSON Feature (holes kept).',
    tags: [DISCOVERY_TAG],
    params: Type.Object({
      file: Type.String({ description: 'The boundary id and `.geojson`.', examples: ['us-county-19153.geojson'] }),
    }),
    response: { 200: GeoJsonFeature, ...discoveryErrors(400, 404) },
  },
};

export function boundaryFeature(b: Boundary): object {
  return {
    type: 'Feature',
    id: b.id,
    bbox: b.bbox,
    properties: {
      name: b.name,
      tier: b.tier,
      approximate: b.approximate,
      source: b.source,
      updated_datetime: new Date(b.updated_at).toISOString(),
    },
    geometry: { type: 'MultiPolygon', coordinates: b.geometry },
  };
}

export function boundaryRoute(api: DiscoveryApi) {
  const { ctx } = api;
  return discoveryRoute(
    contract,
    ctx,
    async (request, reply) => {
      const { name: id, extension } = splitFile(pathParam(request, 'file'));
      if (extension.toLowerCase() !== 'geojson') throw badRequest(`Boundaries are served as .geojson, not '.${extension}'.`);
      const version = await ctx.store.dataVersion();
      const key = answerKey(ctx.origin.of(request), request.url);
      const cached = ctx.readCache.get(key, version);
      if (cached) return sendCached(request, reply, cached);
      const boundary = await ctx.store.getBoundary(id);
      if (boundary === undefined) throw notFound(`No boundary '${id}' in the registry.`);
      const body = JSON.stringify(boundaryFeature(boundary));
      return sendCached(request, reply, ctx.readCache.set(key, version, body, GEOJSON_TYPE, {}));
    },
    NOT_RECOMPRESSED,
  );
}
