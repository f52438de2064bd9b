/** Placeholder: the Daily Brief pages, issue 13. */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';

export async function registerDashboardRoutes(_app: FastifyInstance, _web: WebContext): Promise<void> {}
