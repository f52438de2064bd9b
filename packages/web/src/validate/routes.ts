/**
 * The web validator's pages (issue 12): `/validate` (form, POST → 303 to the
 * run), `/validate/r/{id}` (the run; `.json`, `.junit.xml`, `.report.html`
 * downloads; `/events`), `/validate/endpoint/{slug}` and the badge
 * `/validate/badge/{slug}.svg`. Every page works without JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isRefusal, ownEndpointUrl } from '@o311/server';
import { formatReport } from '@o311/validator';
import type { WebContext } from '../context.js';
import { endpointNames } from '../endpoint-names.js';
import { html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { sendPublicPage, type PublicPage } from '../citizen/page.js';
import { sendNotFound } from '../citizen/not-found.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { badgeSvg } from './badge.js';
import { endpointPage } from './endpoint-page.js';
import { formPage } from './form-page.js';
import { DOWNLOADS, VALIDATE_PATH, parseRunFile, runPath, type DownloadKind } from './paths.js';
import { EMPTY_FIELDS, runFieldsOf, type RunFields } from './run-input.js';
import { EventStreams, resumedFrom, streamRun } from './run-events.js';
import { isRunning, refreshFallback, runPage } from './run-page.js';
import { reportOf } from './stored-run.js';
import { ENDPOINT_RUNS, recentEndpointRuns, startRun } from './validate-services.js';
import { registerValidateApi } from './api-routes.js';

const opts = { schema: { hide: true } };
const STYLE = html`<link rel="stylesheet" href="/assets/validate.css">`;
/** How long browsers and caches may keep a badge. */
const BADGE_MAX_AGE_S = 300;

function sendValidatePage(reply: FastifyReply, web: WebContext, t: Translator, request: FastifyRequest, page: Omit<PublicPage, 'path'>): FastifyReply {
  return sendPublicPage(reply, web, t, { ...page, path: pathAndQuery(request), head: html`${STYLE}${page.head ?? ''}` });
}

async function sendForm(request: FastifyRequest, reply: FastifyReply, web: WebContext, fields: RunFields, refused?: { text: string; status: number }): Promise<FastifyReply> {
  const t = translatorFor(request, reply);
  const recent = await recentEndpointRuns(web.services.store);
  const names = await endpointNames(web.services.store, recent.map((r) => r.endpoint_slug));
  return sendValidatePage(reply, web, t, request, {
    title: refused ? t('report.titleWithErrors', { service: t('validate.title') }) : t('validate.title'),
    ...(refused && { status: refused.status }),
    // The key is never sent back into the page.
    main: formPage(t, { fields: { ...fields, apiKey: '' }, ...(refused && { refused: refused.text }), writeAvailable: web.services.routerCredentials !== undefined,
      ownUrl: ownEndpointUrl(web.services.origin), recent, names }),
  });
}

function sendDownload(reply: FastifyReply, web: WebContext, request: FastifyRequest, t: Translator, id: string, kind: DownloadKind, report: ReturnType<typeof reportOf>): FastifyReply {
  if (report === null) return sendNotFound(reply, web, t, pathAndQuery(request));
  const d = DOWNLOADS[kind];
  return reply
    .header('content-type', d.type)
    .header('content-disposition', `attachment; filename="o311-validation-${id}${d.suffix}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .send(formatReport(report, d.reporter));
}

export async function registerValidateRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
  const store = web.services.store;
  const streams = new EventStreams();
  app.addHook('onClose', async () => streams.endAll());

  app.get(VALIDATE_PATH, opts, publicHandler(web, (request, reply) => sendForm(request, reply, web, EMPTY_FIELDS)));

  app.post(VALIDATE_PATH, opts, publicHandler(web, async (request, reply) => {
    const { fields, problem } = runFieldsOf(request);
    if (problem !== undefined) return sendForm(request, reply, web, fields, { text: problem, status: 400 });
    const run = await startRun(web, request, fields, 'web');
    if (isRefusal(run)) {
      if (run.retryAfterSeconds !== undefined) reply.header('retry-after', String(run.retryAfterSeconds));
      return sendForm(request, reply, web, fields, { text: run.refused, status: run.status });
    }
    return reply.redirect(runPath(run.id), 303);
  }));

  app.get('/validate/r/:file', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { id, download } = parseRunFile(param(request.params, 'file'));
    const run = await store.validations.get(id);
    if (run === undefined) return sendNotFound(reply, web, t, pathAndQuery(request));
    if (download !== undefined) return sendDownload(reply, web, request, t, run.id, download, reportOf(run));
    const endpoint = run.endpoint_slug === null ? undefined : await store.getEndpoint(run.endpoint_slug);
    return sendValidatePage(reply, web, t, request, {
      title: `${t('validate.runTitle')}: ${run.url}`,
      head: refreshFallback(run),
      ...(isRunning(run) && { scripts: ['validate-progress.js'] }),
      main: runPage(t, run, endpoint?.name ?? null),
    });
  }));

  app.get('/validate/r/:id/events', opts, publicHandler(web, async (request, reply) => {
    const run = await store.validations.get(param(request.params, 'id'));
    if (run === undefined) return sendNotFound(reply, web, translatorFor(request, reply), pathAndQuery(request));
    if (streams.full) return reply.status(503).header('retry-after', '5').header('cache-control', 'no-store').send('Too many progress streams are open; the page reloads itself.');
    streamRun(reply, store.validations, run, streams, resumedFrom(request.headers['last-event-id'] ?? param(request.query, 'from')));
    return reply;
  }));

  app.get('/validate/endpoint/:slug', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const endpoint = await store.getEndpoint(param(request.params, 'slug'));
    if (endpoint === undefined) return sendNotFound(reply, web, t, pathAndQuery(request));
    const runs = await store.validations.list({ endpoint_slug: endpoint.slug, limit: ENDPOINT_RUNS });
    return sendValidatePage(reply, web, t, request, {
      title: t('validate.endpointTitle', { name: endpoint.name }),
      main: endpointPage(t, endpoint, runs, web.services.origin.of(request)),
    });
  }));

  app.get('/validate/badge/:file', opts, publicHandler(web, async (request, reply) => {
    const file = param(request.params, 'file');
    const endpoint = file.endsWith('.svg') ? await store.getEndpoint(file.slice(0, -'.svg'.length)) : undefined;
    if (endpoint === undefined) return sendNotFound(reply, web, translatorFor(request, reply), pathAndQuery(request));
    const latest = await store.validations.latestDone(endpoint.slug);
    return reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header('cache-control', `public, max-age=${BADGE_MAX_AGE_S}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(badgeSvg(latest?.summary ?? null));
  }));

  registerValidateApi(app, web);
}
