/**
 * /staff/webhooks (administrators): the webhooks of the jurisdictions the
 * admin works on, the form to add one for this site's jurisdiction (its
 * secret shown once), and each webhook's page: its deliveries log, pause and
 * resume, a test ping, replay, a new secret, delete. Every change goes
 * through the server's webhook services (scoped and audited there); forms
 * post and redirect, so nothing needs JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { webhookAdmin } from '@o311/server';
import type { WebContext } from '../../../context.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import type { FieldError } from '../../forms/fields.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { pathParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { doneNotice } from '../done-notice.js';
import { EMPTY_WEBHOOK, WEBHOOK_IDS, readWebhook, refusalErrors, type WebhookDraft } from './webhook-input.js';
import { webhookPageView } from './webhook-page-view.js';
import { secretView, webhookHref, webhooksView } from './webhooks-view.js';

const DONE = {
  created: 'staff.webhooks.created', paused: 'staff.webhooks.paused', resumed: 'staff.webhooks.resumed', tested: 'staff.webhooks.tested',
  replayed: 'staff.webhooks.replayed', deleted: 'staff.webhooks.deleted',
} as const;
const LIST_SIZE = 200;
const LOG_SIZE = 50;

/** Runs a change; a webhook out of reach (unknown, or another jurisdiction's) is the not-found page. */
async function orNotFound(request: FastifyRequest, reply: FastifyReply, web: WebContext, change: () => Promise<FastifyReply | unknown>): Promise<unknown> {
  try {
    return await change();
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
    throw e;
  }
}

export async function registerWebhookPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'admin') };
  const ctx = web.services;
  const actor = (request: FastifyRequest) => webActorOf(currentStaff(request).user);

  async function showList(request: FastifyRequest, reply: FastifyReply, form: { draft: WebhookDraft; errors: FieldError[]; status: number }) {
    const t = translatorFor(request, reply);
    const [jurisdiction, webhooks] = await Promise.all([webJurisdiction(web), webhookAdmin.listWebhooks(ctx, actor(request), { limit: LIST_SIZE, offset: 0 })]);
    const main = webhooksView(t, { timezone: jurisdiction.timezone, webhooks, notice: doneNotice(request, t, DONE), csrf: csrfField(request), ...form });
    return sendStaffPage(request, reply, web, { title: t('staff.webhooks.title'), main, status: form.status });
  }

  app.get('/staff/webhooks', admin, (request, reply) => showList(request, reply, { draft: EMPTY_WEBHOOK, errors: [], status: 200 }));

  app.post('/staff/webhooks', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { draft, errors } = readWebhook(request, t);
    if (errors.length > 0) return showList(request, reply, { draft, errors, status: 400 });
    try {
      const jurisdiction = await webJurisdiction(web);
      const { webhook, secret } = await webhookAdmin.createWebhook(ctx, actor(request), { jurisdiction_id: jurisdiction.id, ...draft });
      return sendStaffPage(request, reply, web, { title: t('staff.webhooks.secretTitle'), main: secretView(t, webhook, secret), status: 201 });
    } catch (e) {
      if (!isOpen311Failure(e)) throw e;
      if (e.status === 400) return showList(request, reply, { draft, errors: refusalErrors(e.errors.map((x) => x.description), t), status: 400 });
      // The one conflict: the server cannot seal secrets (no O311_ROUTER_SECRET).
      if (e.status === 409) {
        return showList(request, reply, { draft, errors: [{ field: WEBHOOK_IDS.name, message: t('staff.webhooks.error.noSecret') }], status: 409 });
      }
      throw e;
    }
  });

  app.get('/staff/webhooks/:id', admin, (request, reply) => orNotFound(request, reply, web, async () => {
    const t = translatorFor(request, reply);
    const id = pathParam(request, 'id');
    const [jurisdiction, webhook, deliveries] = await Promise.all([
      webJurisdiction(web), webhookAdmin.getWebhook(ctx, actor(request), id), webhookAdmin.listWebhookDeliveries(ctx, actor(request), id, { limit: LOG_SIZE, offset: 0 }),
    ]);
    const main = webhookPageView(t, { timezone: jurisdiction.timezone, webhook, deliveries, notice: doneNotice(request, t, DONE), csrf: csrfField(request) });
    return sendStaffPage(request, reply, web, { title: webhook.name, main });
  }));

  const simple = {
    pause: ['paused', webhookAdmin.pauseWebhook],
    resume: ['resumed', webhookAdmin.resumeWebhook],
    test: ['tested', webhookAdmin.testWebhook],
  } as const;
  for (const [path, [done, run]] of Object.entries(simple)) {
    app.post(`/staff/webhooks/:id/${path}`, admin, (request, reply) => orNotFound(request, reply, web, async () => {
      const id = pathParam(request, 'id');
      await run(ctx, actor(request), id);
      return reply.redirect(`${webhookHref(id)}?done=${done}`, 303);
    }));
  }

  app.post('/staff/webhooks/:id/deliveries/:delivery/replay', admin, (request, reply) => orNotFound(request, reply, web, async () => {
    const id = pathParam(request, 'id');
    await webhookAdmin.replayDelivery(ctx, actor(request), id, pathParam(request, 'delivery'));
    return reply.redirect(`${webhookHref(id)}?done=replayed`, 303);
  }));

  app.post('/staff/webhooks/:id/rotate-secret', admin, (request, reply) => orNotFound(request, reply, web, async () => {
    const t = translatorFor(request, reply);
    const id = pathParam(request, 'id');
    const secret = await webhookAdmin.rotateWebhookSecret(ctx, actor(request), id);
    const webhook = await webhookAdmin.getWebhook(ctx, actor(request), id);
    return sendStaffPage(request, reply, web, { title: t('staff.webhooks.secretTitle'), main: secretView(t, webhook, secret) });
  }));

  app.post('/staff/webhooks/:id/delete', admin, (request, reply) => orNotFound(request, reply, web, async () => {
    await webhookAdmin.deleteWebhook(ctx, actor(request), pathParam(request, 'id'));
    return reply.redirect('/staff/webhooks?done=deleted', 303);
  }));
}
