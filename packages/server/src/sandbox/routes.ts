/**
 * The sandbox's GeoReport endpoint: every operation of /open311/v2/ again under
 * SANDBOX_BASE, bound to the sandbox jurisdiction (see bound-store.ts). Left out
 * of the OpenAPI document, which describes each operation once; its try-it
 * targets the sandbox through jurisdiction_id (see docs/openapi.ts).
 */
import type { FastifyInstance } from 'fastify';
import { ENDPOINT_OPERATIONS } from '../georeport/routes.js';
import { API_BASE } from '../georeport/route.js';
import type { ServiceContext } from '../services/context.js';
import { boundStore } from './bound-store.js';
import { SANDBOX_BASE, type SandboxConfig } from './sandbox.js';

export function registerSandboxRoutes(app: FastifyInstance, ctx: ServiceContext, sandbox: SandboxConfig): void {
  const bound: ServiceContext = { ...ctx, store: boundStore(ctx.store, sandbox.jurisdictionId) };
  for (const make of ENDPOINT_OPERATIONS) {
    const route = make(bound);
    app.route({ ...route, url: route.url.replace(API_BASE, SANDBOX_BASE), schema: { ...route.schema, hide: true } });
  }
}
