export { buildApp, DEFAULT_LIMITS, type AppOptions } from './app.js';
export type { FastifyInstance } from 'fastify';
