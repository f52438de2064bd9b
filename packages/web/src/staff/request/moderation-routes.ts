/**
 * POST /staff/requests/:id/moderation (agents and admins: redact, hide, show
 * again) and GET /staff/requests/:id/hidden-media/:media (any staff: a hidden
 * upload, which the public media route no longer serves).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { moderation } from '@o311/server';
import type { WebContext } from '../../context.js';
import { readForm } from '../../form.js';
import { translatorFor } from '../../request-locale.js';
import { sendStaffRefusal } from '../error-page.js';
import { currentStaff, staffGuard } from '../guard.js';
import { moderate } from './actions/moderate.js';
import { webJurisdiction } from './jurisdiction.js';
import { loadRequestPage } from './load.js';
import { afterModeration, MOD_FIELDS } from './moderation-fields.js';
import { sendRequestPage } from './page.js';

const params = (request: FastifyRequest): { id: string; media: string } => {
  const p = request.params as { id?: string; media?: string };
  return { id: p.id ?? '', media: p.media ?? '' };
};

/** What the moderation form sent, to show it again beside its errors. */
const sentValues = (request: FastifyRequest): Record<string, string> => {
  const form = readForm(request);
  return Object.fromEntries(Object.values(MOD_FIELDS).map((name) => [name, form.get(name)?.[0] ?? '']));
};

export function registerModerationPages(app: FastifyInstance, web: WebContext): void {
  app.post('/staff/requests/:id/moderation', { preHandler: staffGuard(web, 'manage-requests') }, async (request, reply) => {
    const t = translatorFor(request, reply);
    const data = await loadRequestPage(web, params(request).id, t.locale);
    if (!data) return sendStaffRefusal(request, reply, web, 'not-found');
    const outcome = await moderate({ web, request, t, user: currentStaff(request).user, data });
    if ('done' in outcome) return reply.redirect(afterModeration(data.request.id, outcome.done), 303);
    return sendRequestPage(request, reply, web, data, { errors: outcome.errors, values: sentValues(request), status: 400 });
  });

  app.get('/staff/requests/:id/hidden-media/:media', { preHandler: staffGuard(web, 'read') }, async (request, reply) => {
    const { id, media } = params(request);
    const jurisdiction = await webJurisdiction(web);
    const found = media.length > moderation.MAX_MODERATION_TARGET_ID ? undefined : await web.services.store.moderation.hiddenUpload(jurisdiction.id, media);
    if (!found || found.request_id !== id) return sendStaffRefusal(request, reply, web, 'not-found');
    return reply
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-type', found.content_type)
      .send(found.bytes);
  });
}
