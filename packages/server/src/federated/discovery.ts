/** Service discovery of the federated endpoint: `/federated/open311/discovery.{xml,json}`. */
import { encodeDiscovery, formatDateTime, type Discovery } from '@o311/georeport';
import { parseFormat } from '../http/format.js';
import { pathParam, sendDocument } from '../http/reply.js';
import { SPECIFICATION } from '../georeport/discovery.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { DiscoverySchema, FormatParams, documents } from '../georeport/schemas.js';
import type { ServiceContext } from '../services/context.js';
import { FEDERATED_BASE, FEDERATED_ROOT, FEDERATED_TAG, type FederatedApi } from './route.js';

export const contract: Contract = {
  method: 'GET',
  url: `${FEDERATED_ROOT}/discovery.:format`,
  schema: {
    operationId: 'federatedDiscovery',
    summary: 'Service discovery (federated)',
    description:
      'Where the federated endpoint is: one GeoReport v2 endpoint for every endpoint of the registry. `changeset` is ' +
      'the time of the registry\'s latest change.',
    tags: [FEDERATED_TAG],
    params: FormatParams,
    response: { 200: documents(DiscoverySchema, 'The discovery document.', 'discovery') },
  },
};

const FORMATS = ['text/xml', 'application/json'];
/** Endpoints looked at for the changeset; a registry is a few thousand. */
const MAX_ENDPOINTS = 100_000;

/** The registry's latest change, read again only when its revision moved. */
function registryChangeset(ctx: ServiceContext): () => Promise<string> {
  let known: { revision: number; changeset: string } | undefined;
  return async () => {
    const revision = await ctx.store.registryRevision();
    if (known?.revision !== revision) {
      const endpoints = await ctx.store.listEndpoints({ limit: MAX_ENDPOINTS, offset: 0 });
      const latest = endpoints.reduce((t, e) => Math.max(t, e.updated_at), 0);
      known = { revision, changeset: formatDateTime(latest, 'UTC') };
    }
    return known.changeset;
  };
}

export function federatedDiscoveryRoute(api: FederatedApi) {
  const { ctx } = api;
  const changeset = registryChangeset(ctx);
  return georeportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const [primary, stamp] = await Promise.all([ctx.store.primaryJurisdiction(), changeset()]);
    const document: Discovery = {
      changeset: stamp,
      contact: primary?.contact ?? 'The operator of this o311 server.',
      key_service: primary?.key_service ?? 'Ask the operator of this o311 server for an API key.',
      endpoints: [
        { specification: SPECIFICATION, url: `${ctx.origin.of(request)}${FEDERATED_BASE}/`, changeset: stamp, type: 'production', formats: FORMATS },
      ],
    };
    return sendDocument(reply, format, encodeDiscovery(document, format));
  });
}
