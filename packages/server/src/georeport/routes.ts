/** Every GeoReport v2 operation, one file each. */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { discoveryRoute } from './discovery.js';
import { getRequestRoute } from './get-request.js';
import { getRequestsRoute } from './get-requests.js';
import { getUpdatesRoute } from './get-updates.js';
import { mediaRoute } from './media.js';
import { postRequestRoute } from './post-request.js';
import { postUpdateRoute } from './post-update.js';
import { serviceDefinitionRoute } from './service-definition.js';
import { serviceListRoute } from './service-list.js';
import { tokenRoute } from './token.js';

/** The operations of an endpoint (discovery, which lists endpoints, stands apart). */
export const ENDPOINT_OPERATIONS: readonly ((ctx: ServiceContext) => RouteOptions)[] = [
  serviceListRoute,
  serviceDefinitionRoute,
  postRequestRoute,
  tokenRoute,
  getRequestsRoute,
  getRequestRoute,
  getUpdatesRoute,
  postUpdateRoute,
  mediaRoute,
];

export function registerGeoreportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  for (const make of [discoveryRoute, ...ENDPOINT_OPERATIONS]) app.route(make(ctx));
}
