/** The staff/admin JSON API under /api/v1. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../services/context.js';
import { accessRoutes } from './access.js';
import { keyRequestRoutes } from './key-requests.js';
import { federationRoutes } from './federation.js';
import { jobRoutes } from './jobs.js';
import { jurisdictionRoutes } from './jurisdictions.js';
import { monitorRoutes } from './monitor.js';
import { dashboardRoutes } from './dashboard.js';
import { webhookRoutes } from './webhooks.js';
import { requestChangeRoutes } from './request-changes.js';
import { moderationRoutes } from './moderation.js';
import { requestRoutes } from './requests.js';
import { reporterSettingsRoutes } from './reporter-settings.js';
import { serviceRoutes } from './services.js';

export const STAFF_PREFIX = '/api/v1';

export async function registerStaffRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  await app.register(
    async (scope) => {
      const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
      jurisdictionRoutes(typed, ctx);
      reporterSettingsRoutes(typed, ctx);
      serviceRoutes(typed, ctx);
      requestRoutes(typed, ctx);
      requestChangeRoutes(typed, ctx);
      moderationRoutes(typed, ctx);
      accessRoutes(typed, ctx);
      keyRequestRoutes(typed, ctx);
      jobRoutes(typed, ctx);
      federationRoutes(typed, ctx);
      monitorRoutes(typed, ctx);
      dashboardRoutes(typed, ctx);
      webhookRoutes(typed, ctx);
    },
    { prefix: STAFF_PREFIX },
  );
}
