/** /staff/keys: list, create (the secret is shown once), revoke — global administrators only. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { issueApiKey, withdrawApiKey } from '@o311/server';
import type { WebContext } from '../../../context.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import type { FieldError } from '../../forms/fields.js';
import { doneNotice } from '../done-notice.js';
import { pathParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { EMPTY_KEY, readKey, type KeyDraft } from './key-input.js';
import { keysView, newKeyView } from './keys-view.js';

const DONE = { revoked: 'staff.keys.revoked' } as const;

export async function registerKeyPages(app: FastifyInstance, web: WebContext): Promise<void> {
  // A key serves every jurisdiction: only admins of global scope manage them.
  const admin = { preHandler: staffGuard(web, 'global-admin') };
  const { store } = web.services;

  async function show(request: FastifyRequest, reply: FastifyReply, form: { draft: KeyDraft; errors: FieldError[]; status: number }) {
    const t = translatorFor(request, reply);
    const [jurisdiction, keys] = await Promise.all([webJurisdiction(web), store.listApiKeys()]);
    const main = keysView(t, { jurisdiction, keys, notice: doneNotice(request, t, DONE), csrf: csrfField(request), ...form });
    return sendStaffPage(request, reply, web, { title: t('staff.keys.title'), main, status: form.status });
  }

  app.get('/staff/keys', admin, (request, reply) => show(request, reply, { draft: EMPTY_KEY, errors: [], status: 200 }));

  app.post('/staff/keys', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { draft, input, errors } = readKey(request, t);
    if (!input) return show(request, reply, { draft, errors, status: 400 });
    const { key, secret } = await issueApiKey(web.services, webActorOf(currentStaff(request).user), input);
    return sendStaffPage(request, reply, web, { title: t('staff.keys.secretTitle'), main: newKeyView(t, key, secret), status: 201 });
  });

  app.post('/staff/keys/:id/revoke', admin, async (request, reply) => {
    const id = pathParam(request, 'id');
    try {
      await withdrawApiKey(web.services, webActorOf(currentStaff(request).user), id);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
      throw e;
    }
    return reply.redirect('/staff/keys?done=revoked', 303);
  });
}
