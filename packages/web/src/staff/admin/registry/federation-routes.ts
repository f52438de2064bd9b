/**
 * The registry admin's federated-endpoint pages (global administrators): set,
 * replace or remove an endpoint's upstream API key, and list its deliveries
 * with a Retry for failed and dead ones. Every change goes through the
 * server's federation admin service, which seals the key and audits the change.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { federationAdmin } from '@o311/server';
import type { WebContext } from '../../../context.js';
import { readForm } from '../../../form.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { pathParam, queryParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { doneNotice } from '../done-notice.js';
import { deliveriesView } from './deliveries-view.js';
import { deliveriesHref } from './federation-section.js';
import { endpointHref } from './registry-list-view.js';

/** The notices of the endpoint page after a key change (its DONE codes). */
export const KEY_DONE = {
  'key-saved': 'staff.federation.keySaved',
  'key-removed': 'staff.federation.keyRemoved',
  'key-absent': 'staff.federation.keyAbsent',
} as const;

const DELIVERY_DONE = { retried: 'staff.federation.retried', 'not-retried': 'staff.federation.notRetried' } as const;

const PAGE_SIZE = 50;
const MAX_PAGE = 10_000;
/** Delivery ids are UUIDs. */
const MAX_ID_LENGTH = 100;

export async function registerFederationPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'global-admin') };
  const ctx = web.services;
  const actor = (request: FastifyRequest) => webActorOf(currentStaff(request).user);

  app.post('/staff/registry/:slug/upstream-key', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await ctx.store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    const key = readForm(request).get('upstream_api_key')?.[0] ?? '';
    try {
      await federationAdmin.setUpstreamKey(ctx, actor(request), slug, key);
    } catch (e) {
      if (isOpen311Failure(e) && (e.status === 400 || e.status === 409)) {
        return reply.redirect(`${endpointHref(slug)}?key=${e.status === 400 ? 'invalid' : 'no-secret'}#upstream-key-section`, 303);
      }
      throw e;
    }
    return reply.redirect(`${endpointHref(slug)}?done=key-saved#upstream-key-section`, 303);
  });

  app.post('/staff/registry/:slug/upstream-key/delete', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    if (!(await ctx.store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    const removed = await federationAdmin.removeUpstreamKey(ctx, actor(request), slug);
    return reply.redirect(`${endpointHref(slug)}?done=${removed ? 'key-removed' : 'key-absent'}#upstream-key-section`, 303);
  });

  app.get('/staff/registry/:slug/deliveries', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const endpoint = await ctx.store.getEndpoint(pathParam(request, 'slug'));
    if (!endpoint) return sendStaffRefusal(request, reply, web, 'not-found');
    const stateParam = queryParam(request, 'state') ?? '';
    const state = federationAdmin.isDeliveryState(stateParam) ? stateParam : undefined;
    const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(queryParam(request, 'page') ?? '1', 10) || 1));
    const [jurisdiction, { items, total }] = await Promise.all([
      webJurisdiction(web),
      federationAdmin.listDeliveries(ctx, endpoint.slug, { ...(state && { state }), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    ]);
    const main = deliveriesView(t, {
      endpoint, items, total, state, page, pageSize: PAGE_SIZE, timezone: jurisdiction.timezone,
      notice: doneNotice(request, t, DELIVERY_DONE), csrf: csrfField(request),
    });
    return sendStaffPage(request, reply, web, { title: t('staff.federation.deliveriesTitle', { name: endpoint.name }), main });
  });

  app.post('/staff/registry/:slug/deliveries/:id/retry', admin, async (request, reply) => {
    const slug = pathParam(request, 'slug');
    const id = pathParam(request, 'id');
    if (id.length > MAX_ID_LENGTH || !(await ctx.store.getEndpoint(slug))) return sendStaffRefusal(request, reply, web, 'not-found');
    try {
      await federationAdmin.retryDelivery(ctx, actor(request), slug, id);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
      if (isOpen311Failure(e) && e.status === 409) return reply.redirect(`${deliveriesHref(slug)}?done=not-retried`, 303);
      throw e;
    }
    return reply.redirect(`${deliveriesHref(slug)}?done=retried`, 303);
  });
}
