/**
 * The tracker: `/track?id=` (look-up), `/track/:id` (the page; another
 * endpoint's `slug:ID` read through the router), its Atom feed, following by
 * e-mail (double opt-in, unsubscribe) and tokens (batch services', and those
 * of reports sent through the federated endpoint).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { field, isOpen311Failure } from '@o311/georeport';
import { requestServices } from '@o311/server';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { readForm } from '../form.js';
import { webJurisdiction } from '../citizen/jurisdiction.js';
import { mapConfig } from '../citizen/map-config.js';
import { sendNotFound } from '../citizen/not-found.js';
import { pageProjection, publicBase } from '../citizen/origin.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { ATOM_CONTENT_TYPE, atomFeed } from './atom.js';
import { startFollowing } from './follow.js';
import type { FollowState } from './follow-form.js';
import { badLinkPage, followConfirmedPage, unsubscribeAskPage, unsubscribedPage } from './follow-pages.js';
import { feedPath, trackerPath } from './paths.js';
import { FEDERATED_TOKENS, LOCAL_TOKENS, pendingToken } from './pending-token.js';
import { loadFederatedRequest } from './federated-request.js';
import { federatedTrackerPage } from './federated-tracker-page.js';
import { trackedKind } from './tracked-kind.js';
import { endpointName, routedReceipt } from '../citizen/routed/routed-receipt.js';
import { routedHandler } from '../citizen/routed/unavailable-page.js';
import { requestFeed } from './request-feed.js';
import { registerSupportRoutes, trackerSupport } from './support-routes.js';
import { loadTrackedRequest } from './tracked-request.js';
import { trackerPage } from './tracker-page.js';
import { withReporterMarks } from '../reporter/timeline-marks.js';
import { citizenOf } from '../account/authenticate.js';
import { csrfInput } from '../staff/csrf-input.js';

const opts = { schema: { hide: true } };

/** What people type as a request number: `#123`, ` 123 `. */
const cleanId = (s: string): string => s.trim().replace(/^#\s*/, '');

async function sendTracker(
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  t: Translator,
  id: string,
  follow: FollowState,
): Promise<FastifyReply> {
  const j = await webJurisdiction(web);
  const projection = pageProjection(request, j);
  const loaded = await loadTrackedRequest(web, j, id, projection, t.locale);
  const tracked = { ...loaded, events: await withReporterMarks(web, j, id, loaded.events) };
  const hasMap = tracked.request.lat !== null && tracked.request.long !== null;
  return sendPublicPage(reply, web, t, {
    title: t('tracker.title', { id }),
    path: pathAndQuery(request),
    status: follow.kind === 'invalid' || follow.kind === 'busy' ? 400 : 200,
    map: hasMap,
    scripts: hasMap ? ['track-map.js'] : [],
    head: html`<link rel="alternate" type="application/atom+xml" title="${t('feed.title', { id, service: tracked.serviceName })}" href="${feedPath(id)}">`,
    main: trackerPage(t, { tracked, now: web.services.now(), follow, map: mapConfig(web.options), mediaBase: projection.mediaBase, support: await trackerSupport(web, request, t, tracked) }),
  });
}

const idParam = (params: unknown): string => param(params, 'id');

/** Another endpoint's request, read through the router. */
async function sendFederatedTracker(web: WebContext, request: FastifyRequest, reply: FastifyReply, t: Translator, id: string): Promise<FastifyReply> {
  const tracked = await loadFederatedRequest(web, id, t.locale);
  const hasMap = tracked.request.lat !== null && tracked.request.long !== null;
  return sendPublicPage(reply, web, t, {
    title: t('tracker.title', { id }),
    path: pathAndQuery(request),
    map: hasMap,
    scripts: hasMap ? ['track-map.js'] : [],
    main: federatedTrackerPage(t, { tracked, timezone: (await webJurisdiction(web)).timezone, map: mapConfig(web.options) }),
  });
}

/** The follow form of a signed-in citizen (one button), else the e-mail form. */
async function accountFollow(web: WebContext, request: FastifyRequest, id: string): Promise<FollowState> {
  const who = await citizenOf(web, request);
  if (!who) return { kind: 'idle' };
  const j = await webJurisdiction(web);
  const follows = await web.services.store.citizens.listFollows(who.account.email);
  const following = follows.some((f) => f.jurisdiction_id === j.id && f.request_id === id);
  return { kind: 'signed-in', jurisdiction_id: j.id, email: who.account.email, following, csrf: csrfInput(who.session.csrf_token) };
}

/** The 404 of a request number this city does not know, saying which number (a typo is the likely cause). */
function sendUnknown(web: WebContext, request: FastifyRequest, reply: FastifyReply, id: string): FastifyReply {
  const t = translatorFor(request, reply);
  return sendNotFound(reply, web, t, pathAndQuery(request), t('tracker.unknown', { id }));
}

function simplePage(web: WebContext, request: FastifyRequest, reply: FastifyReply, t: Translator, title: string, main: Html, status = 200): FastifyReply {
  return sendPublicPage(reply, web, t, { title, main, path: pathAndQuery(request), status });
}

export async function registerTrackerRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
  registerSupportRoutes(app, web);
  app.get('/track', opts, publicHandler(web, async (request, reply) => {
    const id = cleanId(param(request.query, 'id'));
    if (id === '') return reply.redirect('/#track', 303);
    const j = await webJurisdiction(web);
    const kind = await trackedKind(web, j, id);
    if (kind.kind === 'home') return reply.redirect(trackerPath(kind.id), 303);
    if (kind.kind === 'federated' || (await web.services.store.getRequest(j.id, id))) return reply.redirect(trackerPath(id), 303);
    return sendUnknown(web, request, reply, id);
  }));

  app.get('/track/:id', opts, routedHandler(web, idParam, async (request, reply) => {
    const t = translatorFor(request, reply);
    const id = idParam(request.params);
    const kind = await trackedKind(web, await webJurisdiction(web), id);
    if (kind.kind === 'home') return reply.redirect(trackerPath(kind.id), 303);
    if (kind.kind === 'federated') return sendFederatedTracker(web, request, reply, t, id);
    const follow: FollowState = param(request.query, 'follow') === 'sent' ? { kind: 'sent' } : await accountFollow(web, request, id);
    try {
      return await sendTracker(web, request, reply, t, id, follow);
    } catch (e) {
      if (isOpen311Failure(e) && e.status === 404) return sendUnknown(web, request, reply, id);
      throw e;
    }
  }));

  app.get('/track/:id/feed.atom', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const j = await webJurisdiction(web);
    const tracked = await loadTrackedRequest(web, j, param(request.params, 'id'), pageProjection(request, j), t.locale);
    return reply
      .header('content-type', ATOM_CONTENT_TYPE)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(atomFeed(requestFeed(t, tracked, publicBase(web, request))));
  }));

  app.post('/track/:id/follow', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const id = param(request.params, 'id');
    const j = await webJurisdiction(web);
    const r = await requestServices.findRequest(web.services, j, id, false, pageProjection(request, j));
    const email = field(readForm(request), 'email') ?? '';
    const state = await startFollowing(web, request, t, j, { id, serviceName: r.service_name }, email);
    if (state.kind === 'sent') return reply.redirect(`${trackerPath(id)}?follow=sent#follow`, 303);
    return sendTracker(web, request, reply, t, id, state);
  }));

  app.get('/track/:id/follow/confirm', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const token = param(request.query, 'token');
    const follower = token === '' ? undefined : await web.services.store.confirmFollower(token, web.services.now());
    if (!follower) return simplePage(web, request, reply, t, t('follow.badLinkTitle'), badLinkPage(t), 404);
    return simplePage(web, request, reply, t, t('follow.confirmedTitle'), followConfirmedPage(t, follower.request_id));
  }));

  app.get('/track/unsubscribe', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const token = param(request.query, 'token');
    // Only a link that still names a follower gets the button: a wrong or used one says so at once.
    const follower = token === '' ? undefined : await web.services.store.findFollowerToUnsubscribe(token);
    if (!follower) return simplePage(web, request, reply, t, t('follow.badLinkTitle'), badLinkPage(t), 404);
    return simplePage(web, request, reply, t, t('unsubscribe.title'), unsubscribeAskPage(t, token));
  }));

  app.post('/track/unsubscribe', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const token = field(readForm(request), 'token') ?? '';
    const follower = token === '' ? undefined : await web.services.store.unsubscribe(token);
    if (!follower) return simplePage(web, request, reply, t, t('follow.badLinkTitle'), badLinkPage(t), 404);
    return simplePage(web, request, reply, t, t('unsubscribe.doneTitle'), unsubscribedPage(t, follower.request_id));
  }));

  app.get('/track/token/:token', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const token = param(request.params, 'token');
    const j = await webJurisdiction(web);
    try {
      const receipt = await requestServices.resolveToken(web.services, j, token);
      if (receipt.service_request_id) return reply.redirect(trackerPath(receipt.service_request_id), 303);
    } catch (e) {
      if (!isOpen311Failure(e)) throw e;
    }
    // Not a token of this server's own services: perhaps one of a report sent through the federated endpoint.
    const routed = await routedReceipt(web, token);
    if (routed?.kind === 'request') return reply.redirect(trackerPath(routed.id), 303);
    const refused = routed?.kind === 'refused' ? html`<p id="refused">${t('routed.refused', { name: await endpointName(web, routed.stored.endpoint_slug), reason: routed.reason })}</p>` : undefined;
    return sendPublicPage(reply, web, t, {
      title: t('token.title'),
      path: pathAndQuery(request),
      scripts: refused ? [] : ['token-poll.js'],
      main: html`<h1>${t('token.title')}</h1>${refused ?? pendingToken(t, token, routed ? FEDERATED_TOKENS : LOCAL_TOKENS)}`,
    });
  }));
}
