/**
 * POST /track/:id/support: "me too" (support.ts), with or without JavaScript:
 * 303 back to the tracker, which says what happened (post/redirect/get).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { field } from '@o311/georeport';
import type { WebContext } from '../context.js';
import type { Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { readForm } from '../form.js';
import { translatorFor } from '../request-locale.js';
import { webJurisdiction } from '../citizen/jurisdiction.js';
import { pageProjection } from '../citizen/origin.js';
import { param, publicHandler } from '../citizen/public-handler.js';
import { trackerPath } from './paths.js';
import { isClosed } from './status-label.js';
import { addSupport, SUPPORT_OUTCOMES, type SupportOutcome } from './support.js';
import { supportSection } from './support-section.js';
import { loadTrackedRequest, type TrackedRequest } from './tracked-request.js';

/** The outcome a tracker URL names (`?support=added`), if it names one. */
export function supportOutcomeOf(query: unknown): SupportOutcome | undefined {
  const v = param(query, 'support');
  return (SUPPORT_OUTCOMES as readonly string[]).includes(v) ? (v as SupportOutcome) : undefined;
}

export function registerSupportRoutes(app: FastifyInstance, web: WebContext): void {
  app.post('/track/:id/support', { schema: { hide: true } }, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const id = param(request.params, 'id');
    // An unknown id is the tracker's 404 (loadTrackedRequest throws it).
    const tracked = await loadTrackedRequest(web, j, id, pageProjection(request, j), t.locale);
    const email = field(readForm(request), 'email') ?? '';
    const outcome = await addSupport(web, request, reply, t, j, tracked, email);
    return reply.redirect(`${trackerPath(id)}?support=${outcome}#support`, 303);
  }));
}

/** The tracker's "me too" section for a request of this city. */
export async function trackerSupport(web: WebContext, request: FastifyRequest, t: Translator, tracked: TrackedRequest): Promise<Html> {
  const id = tracked.request.service_request_id;
  const count = await web.services.store.supporters.count(tracked.j.id, id);
  return supportSection(t, { id, count, open: !isClosed(tracked.status), outcome: supportOutcomeOf(request.query) });
}
