/** Every GeoReport v2 operation, one file each. */
import type { FastifyInstance } from 'fastify';
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

export function registerGeoreportRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  for (const make of [
    discoveryRoute,
    serviceListRoute,
    serviceDefinitionRoute,
    postRequestRoute,
    tokenRoute,
    getRequestsRoute,
    getRequestRoute,
    getUpdatesRoute,
    postUpdateRoute,
    mediaRoute,
  ]) {
    app.route(make(ctx));
  }
}
