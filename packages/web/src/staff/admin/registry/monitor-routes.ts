/**
 * The registry admin's monitor forms (global administrators): save an
 * endpoint's monitor settings and "Poll now". Changes go through the server's
 * monitor admin service, which checks them, seals the webhook secret and
 * audits the change; its refusals come back on the endpoint page.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { monitorAdmin } from '@o311/server';
import type { WebContext } from '../../../context.js';
import { readForm } from '../../../form.js';
import { sendStaffRefusal } from '../../error-page.js';
import { currentStaff, staffGuard } from '../../guard.js';
import { pathParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import type { MonitorProblem } from './monitor-section.js';
import { endpointHref } from './registry-list-view.js';

/** The notices of the endpoint page after a monitor change (its DONE codes). */
export const MONITOR_DONE = {
  'monitor-saved': 'staff.monitor.saved',
  'poll-queued': 'staff.monitor.queued',
} as const;

/** The refusal's messages (`field: …`) as the section's problem codes. */
function problemCodes(descriptions: readonly string[]): MonitorProblem[] {
  const codes = descriptions.map((d): MonitorProblem => {
    if (d.startsWith('interval_s:')) return 'interval';
    if (d.startsWith('webhook_url:')) return 'url';
    return d.includes('needs a secret') ? 'secret-needed' : 'secret';
  });
  return [...new Set(codes)];
}

const sectionHref = (slug: string, query: string): string => `${endpointHref(slug)}?${query}#monitor-section`;

export async function registerMonitorPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'global-admin') };
  const ctx = web.services;
  const actor = (request: FastifyRequest) => webActorOf(currentStaff(request).user);

  app.post('/staff/registry/:slug/monitor', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await ctx.store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    const form = readForm(request);
    const one = (name: string): string => (form.get(name)?.[0] ?? '').trim();
    const ticked = (name: string): boolean => one(name) === 'on' || one(name) === 'true';
    const interval = one('interval_s');
    const secret = one('webhook_secret');
    try {
      await monitorAdmin.saveMonitorSettings(ctx, actor(request), slug, {
        interval_s: /^\d{1,9}$/.test(interval) ? Number(interval) : Number.NaN,
        paused: ticked('paused'),
        mail_alerts: ticked('mail_alerts'),
        webhook_url: one('webhook_url') || null,
        // Empty: keep the secret set (the field is write-only).
        ...(secret !== '' && { webhook_secret: secret }),
      });
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 400) return reply.redirect(sectionHref(slug, `monitor=${problemCodes(e.errors.map((x) => x.description)).join(',')}`), 303);
      if (isOpen311Failure(e) && e.status === 409) return reply.redirect(sectionHref(slug, 'monitor=no-secret'), 303);
      if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
      throw e;
    }
    return reply.redirect(sectionHref(slug, 'done=monitor-saved'), 303);
  });

  app.post('/staff/registry/:slug/monitor/poll', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await ctx.store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    try {
      await monitorAdmin.pollNow(ctx, actor(request), slug);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
      throw e;
    }
    return reply.redirect(sectionHref(slug, 'done=poll-queued'), 303);
  });
}
