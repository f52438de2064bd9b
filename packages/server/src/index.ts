export { buildApp, DEFAULT_LIMITS, type AppOptions, type AppPlugin } from './app.js';
export type { ServiceContext, Limits } from './services/context.js';
export type { FastifyInstance } from 'fastify';
export * as staffServices from './services/staff.js';
export * as catalogServices from './services/catalog.js';
export * as requestServices from './services/requests.js';
export { resolveJurisdiction } from './services/jurisdictions.js';
export { roleAllows, type Permission } from './staff/auth.js';
export { sniffMediaType, MEDIA_TYPE_NAMES, type MediaType } from './http/media-type.js';
