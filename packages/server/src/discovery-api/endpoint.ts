/** GET `/discovery/v1/endpoints/{slug}.{fmt}`: one endpoint of the registry, with its boundary. */
import { Type } from 'typebox';
import { encodeRegistryEndpoint, notFound } from '@o311/georeport';
import { pathParam, sendDocument } from '../http/reply.js';
import type { Contract } from '../georeport/route.js';
import { DISCOVERY_BASE, discoveryFormat, discoveryRoute, splitFile, type DiscoveryApi } from './route.js';
import { DISCOVERY_TAG, EndpointSchema, discoveryErrors, documents } from './schemas.js';
import { wireEndpoint } from './wire.js';

export const contract: Contract = {
  method: 'GET',
  url: `${DISCOVERY_BASE}/endpoints/:file`,
  schema: {
    operationId: 'discoveryEndpoint',
    summary: 'One registry endpoint',
    description: 'An endpoint with its boundary (id, name, tier, source); the geometry is at `boundaries/{id}.geojson`.',
    tags: [DISCOVERY_TAG],
    params: Type.Object({
      file: Type.String({ description: 'The slug and the format, e.g. `riverton.json` or `riverton.xml`.', examples: ['riverton.json'] }),
    }),
    response: { 200: documents(EndpointSchema, 'The endpoint.', 'endpoint'), ...discoveryErrors(400, 404) },
  },
};

export function endpointRoute(api: DiscoveryApi) {
  return discoveryRoute(contract, api.ctx, async (request, reply) => {
    const { name: slug, extension } = splitFile(pathParam(request, 'file'));
    const format = discoveryFormat(extension);
    const store = api.ctx.store;
    const endpoint = await store.getEndpoint(slug);
    if (endpoint === undefined) throw notFound(`No endpoint '${slug}' in the registry; see ${DISCOVERY_BASE}/endpoints.${format}.`);
    const boundary = endpoint.boundary_id === null ? undefined : await store.getBoundary(endpoint.boundary_id);
    return sendDocument(reply, format, encodeRegistryEndpoint(wireEndpoint(endpoint, boundary), format));
  });
}
