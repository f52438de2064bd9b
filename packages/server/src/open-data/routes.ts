/** Placeholder: open-data exports, issue 13. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';

export function registerOpenDataRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
