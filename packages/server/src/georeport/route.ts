/** Shared pieces of the GeoReport operation files. */
import type { FastifyRequest, FastifySchema, HTTPMethods, RouteOptions } from 'fastify';
import type { Jurisdiction } from '@o311/store';
import type { ProjectionContext } from '../projection/public-request.js';
import type { ServiceContext } from '../services/context.js';
import { documentationOnly } from './schemas.js';

/** The contract at the top of every operation file: method, path and OpenAPI schema. */
export interface Contract {
  method: HTTPMethods;
  url: string;
  schema: FastifySchema;
}

/** A route from a contract and its handler; Fastify's own validation is off (see schemas.ts). */
export function georeportRoute(contract: Contract, handler: RouteOptions['handler']): RouteOptions {
  return { ...contract, validatorCompiler: documentationOnly, handler };
}

export const API_BASE = '/open311/v2';

export function projectionContext(request: FastifyRequest, ctx: ServiceContext, j: Jurisdiction): ProjectionContext {
  return { timezone: j.timezone, mediaBase: `${ctx.origin.of(request)}${API_BASE}/media/` };
}

/** CitySDK: `extensions=true` (or `all`) turns the extensions on. */
export const extensionsWanted = (value: string | undefined): boolean =>
  value !== undefined && ['true', 'all', '1'].includes(value.toLowerCase());
