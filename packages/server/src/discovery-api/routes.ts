/** The discovery API (`/discovery/v1/`, issue 10): one file per operation. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { boundaryRoute } from './boundary.js';
import { endpointRoute } from './endpoint.js';
import { endpointsRoute } from './endpoints.js';
import { lookupRoute } from './lookup.js';
import { answerLookupsFirst } from './lookups-first.js';
import { pointServicesRoute } from './point-services.js';
import type { DiscoveryApi } from './route.js';

export interface DiscoveryApiSetup {
  /** Answer lookups without services before Fastify routes them (lookups-first.ts); off when requests are logged. */
  lookupsBeforeRouting?: boolean;
}

export function registerDiscoveryApi(app: FastifyInstance, ctx: ServiceContext, setup: DiscoveryApiSetup = {}): void {
  const { points, lists } = ctx.discovery;
  const api: DiscoveryApi = { ctx, points };
  for (const make of [lookupRoute, pointServicesRoute, endpointsRoute, endpointRoute, boundaryRoute]) app.route(make(api));
  if (setup.lookupsBeforeRouting) answerLookupsFirst(app, points);
  // Background refreshes end before the store closes.
  app.addHook('onClose', () => lists.settled());
}
