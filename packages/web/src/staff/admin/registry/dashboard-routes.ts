/**
 * The registry admin's dashboard forms (global administrators): show an
 * endpoint on the public dashboard (creating its source, harvested from then
 * on) or hide it, and "Harvest now". Through the server's dashboard services,
 * as the staff API; each change is audited there.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { dashboardAdmin, type ServiceContext } from '@o311/server';
import { sourceId, type DashboardSource, type JurisdictionScope } from '@o311/store';
import type { WebContext } from '../../../context.js';
import { sendStaffRefusal } from '../../error-page.js';
import { currentStaff, staffGuard } from '../../guard.js';
import { pathParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { ticked } from '../dashboard/routes.js';
import { endpointHref } from './registry-list-view.js';

/** The notices of the endpoint page after a dashboard change (its DONE codes). */
export const ENDPOINT_DASHBOARD_DONE = {
  'dashboard-saved': 'staff.dashboard.saved',
  'harvest-queued': 'staff.dashboard.harvestQueued',
  'harvest-pending': 'staff.dashboard.harvestPending',
  'harvest-disabled': 'staff.dashboard.harvestDisabled',
} as const;

const sectionHref = (slug: string, done: keyof typeof ENDPOINT_DASHBOARD_DONE): string => `${endpointHref(slug)}?done=${done}#dashboard-section`;

/** The endpoint's dashboard source; undefined while it has none. */
export async function endpointSource(ctx: ServiceContext, scope: JurisdictionScope, slug: string): Promise<DashboardSource | undefined> {
  try {
    return await dashboardAdmin.getSource(ctx, scope, sourceId('endpoint', slug));
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 404) return undefined;
    throw e;
  }
}

export async function registerEndpointDashboardPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'global-admin') };
  const ctx = web.services;
  const actor = (request: FastifyRequest) => webActorOf(currentStaff(request).user);

  app.post('/staff/registry/:slug/dashboard', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await ctx.store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    const enabled = ticked(request, 'enabled');
    // Hiding an endpoint never shown makes no source.
    if (enabled || (await endpointSource(ctx, actor(request).scope, slug))) {
      await dashboardAdmin.saveSourceSettings(ctx, actor(request), sourceId('endpoint', slug), { enabled });
    }
    return reply.redirect(sectionHref(slug, 'dashboard-saved'), 303);
  });

  app.post('/staff/registry/:slug/dashboard/harvest', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    try {
      const queued = await dashboardAdmin.harvestNow(ctx, actor(request), sourceId('endpoint', slug));
      return reply.redirect(sectionHref(slug, queued ? 'harvest-queued' : 'harvest-pending'), 303);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
      if (isOpen311Failure(e) && e.status === 409) return reply.redirect(sectionHref(slug, 'harvest-disabled'), 303);
      throw e;
    }
  });
}
