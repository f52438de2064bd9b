/**
 * /staff/keys: list (with each key's owner and use), create (the secret is shown
 * once), limit, revoke; developers' pending requests (approve, refuse) and the
 * self-service settings — global administrators only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { approveKeyRequest, developerSettings, issueApiKey, limitApiKey, refuseKeyRequest, saveDeveloperSettings, withdrawApiKey, type DeveloperSettings } from '@o311/server';
import type { WebContext } from '../../../context.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import type { FieldError } from '../../forms/fields.js';
import type { ApiKey } from '@o311/store';
import { doneNotice } from '../done-notice.js';
import { pathParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { EMPTY_KEY, readKey, type KeyDraft } from './key-input.js';
import { keysView, newKeyView } from './keys-view.js';
import { draftOf, limitForm, readLimits, type LimitDraft } from './limit-form.js';
import { readSettings } from './settings-form.js';

const DONE = {
  revoked: 'staff.keys.revoked', approved: 'developers.admin.approved', refused: 'developers.admin.refused', decided: 'developers.admin.decidedBefore',
  limited: 'developers.admin.limited', settings: 'developers.admin.settingsSaved',
} as const;

interface ShownForms {
  draft: KeyDraft;
  errors: FieldError[];
  status: number;
  settings?: { settings: DeveloperSettings; errors: FieldError[] };
}

export async function registerKeyPages(app: FastifyInstance, web: WebContext): Promise<void> {
  // A key serves every jurisdiction: only admins of global scope manage them.
  const admin = { preHandler: staffGuard(web, 'global-admin') };
  const { store } = web.services;

  async function show(request: FastifyRequest, reply: FastifyReply, form: ShownForms) {
    const t = translatorFor(request, reply);
    const [jurisdiction, keys, owners, usage, pending, settings] = await Promise.all([
      webJurisdiction(web), store.listApiKeys(), store.keyRequests.keyOwners(), store.keyRequests.keyUsage(),
      store.keyRequests.list({ states: ['pending'], limit: 1000 }), developerSettings(store),
    ]);
    const main = keysView(t, {
      jurisdiction, keys, notice: doneNotice(request, t, DONE), csrf: csrfField(request), draft: form.draft, errors: form.errors,
      owners: new Map(owners.map((o) => [o.api_key_id, o])), usage: new Map(usage.map((u) => [u.api_key_id, u])), pending,
      settings: form.settings?.settings ?? settings, settingsErrors: form.settings?.errors ?? [],
    });
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

  /** A decision on a request: 404 page for an unknown one; one decided meanwhile is a notice, not an error. */
  const decide = (verb: 'approve' | 'refuse', run: typeof approveKeyRequest | typeof refuseKeyRequest, done: keyof typeof DONE) =>
    app.post(`/staff/keys/requests/:id/${verb}`, admin, async (request, reply) => {
      try {
        await run(web.services, webActorOf(currentStaff(request).user), pathParam(request, 'id'));
      } catch (e) {
        if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
        if (isOpen311Failure(e) && e.status === 409) return reply.redirect('/staff/keys?done=decided', 303);
        throw e;
      }
      return reply.redirect(`/staff/keys?done=${done}`, 303);
    });
  decide('approve', approveKeyRequest, 'approved');
  decide('refuse', refuseKeyRequest, 'refused');

  app.post('/staff/keys/settings', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const read = readSettings(request, t);
    if (read.errors.length > 0) return show(request, reply, { draft: EMPTY_KEY, errors: [], status: 400, settings: read });
    await saveDeveloperSettings(web.services, webActorOf(currentStaff(request).user), read.settings);
    return reply.redirect('/staff/keys?done=settings', 303);
  });

  async function showLimit(request: FastifyRequest, reply: FastifyReply, draft: ((k: ApiKey) => LimitDraft), errors: FieldError[], status: number) {
    const t = translatorFor(request, reply);
    const id = pathParam(request, 'id');
    const [key, jurisdictions] = await Promise.all([store.listApiKeys().then((ks) => ks.find((k) => k.id === id && k.revoked_at === null)), store.listJurisdictions()]);
    if (!key) return sendStaffRefusal(request, reply, web, 'not-found');
    const main = limitForm(t, key, jurisdictions, draft(key), errors, csrfField(request));
    return sendStaffPage(request, reply, web, { title: t('developers.admin.limitTitle', { name: key.name }), main, status });
  }

  app.get('/staff/keys/:id/limit', admin, (request, reply) => showLimit(request, reply, draftOf, [], 200));

  app.post('/staff/keys/:id/limit', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { draft, limits, errors } = readLimits(request, t, await store.listJurisdictions());
    if (!limits) return showLimit(request, reply, () => draft, errors, 400);
    try {
      await limitApiKey(web.services, webActorOf(currentStaff(request).user), pathParam(request, 'id'), limits);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
      throw e;
    }
    return reply.redirect('/staff/keys?done=limited', 303);
  });
}
