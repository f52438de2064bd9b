/**
 * The federated GeoReport endpoint, `/federated/open311/v2/` (issue 11): one
 * endpoint for every endpoint of the registry, its logic in @o311/router.
 * One file per operation, as for /open311/v2.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { federatedDiscoveryRoute } from './discovery.js';
import { routerServices } from './router-services.js';
import { federatedRequestRoute } from './get-request.js';
import { federatedRequestsRoute } from './get-requests.js';
import { federatedPostRequestRoute } from './post-request.js';
import { federatedTokenRoute } from './token.js';
import type { FederatedApi } from './route.js';
import { federatedServiceDefinitionRoute } from './service-definition.js';
import { federatedServiceListRoute } from './service-list.js';

const OPERATIONS: readonly ((api: FederatedApi) => RouteOptions)[] = [
  federatedDiscoveryRoute,
  federatedServiceListRoute,
  federatedServiceDefinitionRoute,
  federatedRequestsRoute,
  federatedRequestRoute,
  federatedPostRequestRoute,
  federatedTokenRoute,
];

export function registerFederatedRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const api: FederatedApi = { ctx, reader: routerServices(ctx).reader };
  for (const make of OPERATIONS) app.route(make(api));
}
