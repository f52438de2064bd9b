/**
 * The status pages (issue 12, part 3): `/status` (every monitored endpoint),
 * `/status/{slug}` (one endpoint with its charts and incidents), their public
 * JSON under `/status/api/endpoints` and the incidents' Atom feed. Read-only,
 * public; the JSON and the feed may be cached a little while (documented in
 * /docs by api-schemas.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { documentedOnly } from '@o311/server';
import type { WebContext } from '../context.js';
import { endpointNames } from '../endpoint-names.js';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { sendNotFound } from '../citizen/not-found.js';
import { publicBase } from '../citizen/origin.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { ATOM_CONTENT_TYPE, atomFeed } from '../tracker/atom.js';
import { endpointSchema, incidentsFeedSchema, overviewSchema } from './api-schemas.js';
import { endpointFigures } from './endpoint-figures.js';
import { endpointPage } from './endpoint-page.js';
import { FEED_INCIDENTS, incidentsFeed } from './incidents-feed.js';
import { keptRows, monitoredRows, overviewOf } from './overview-data.js';
import { overviewPage } from './overview-page.js';
import { parseOverviewQuery } from './overview-query.js';
import { INCIDENTS_FEED_PATH, STATUS_API_PATH, STATUS_PATH } from './paths.js';
import { endpointJson, overviewJson } from './status-json.js';

const opts = { schema: { hide: true } };
/** How long a reader may keep the JSON and the feed (the monitor polls every few minutes at best). */
const PUBLIC_CACHE = 'public, max-age=60';

const head = (t: Translator): Html =>
  html`<link rel="stylesheet" href="/assets/status.css"><link rel="alternate" type="application/atom+xml" title="${t('status.feed.title')}" href="${INCIDENTS_FEED_PATH}">`;
/** Chart.js's self-contained build (a global `Chart`), run before the page's module script like every deferred script, in order. */
const chartHead = (t: Translator): Html => html`${head(t)}<script src="/assets/vendor/chartjs/chart.umd.min.js" defer></script>`;

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', status === 200 ? PUBLIC_CACHE : 'no-cache')
    .header('access-control-allow-origin', '*')
    .header('x-content-type-options', 'nosniff')
    .send(JSON.stringify(body));
}

export async function registerStatusRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
  const store = web.services.store;
  const rows = keptRows(() => monitoredRows(store), web.services.now);

  app.get(STATUS_PATH, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const q = parseOverviewQuery(request.query);
    const overview = overviewOf(await rows(), q);
    return sendPublicPage(reply, web, t, {
      title: t('status.title'),
      path: pathAndQuery(request),
      head: head(t),
      main: overviewPage(t, overview, q, web.services.now()),
    });
  }));

  app.get(STATUS_API_PATH, documentedOnly(overviewSchema), async (request, reply) => {
    const q = parseOverviewQuery(request.query);
    const overview = overviewOf(await rows(), q);
    return sendJson(reply, 200, overviewJson(overview, q, web.services.now()));
  });

  app.get(`${STATUS_API_PATH}/:slug`, documentedOnly(endpointSchema), async (request, reply) => {
    const slug = param(request.params, 'slug');
    const now = web.services.now();
    const figures = await endpointFigures(store, slug, now);
    if (!figures) return sendJson(reply, 404, { error: `No monitored endpoint is called "${slug}".` });
    return sendJson(reply, 200, endpointJson(figures, now));
  });

  app.get(INCIDENTS_FEED_PATH, documentedOnly(incidentsFeedSchema), publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const incidents = await store.monitor.listIncidents({ limit: FEED_INCIDENTS });
    const names = await endpointNames(store, incidents.map((i) => i.slug));
    return reply
      .header('content-type', ATOM_CONTENT_TYPE)
      .header('cache-control', PUBLIC_CACHE)
      .header('x-content-type-options', 'nosniff')
      .send(atomFeed(incidentsFeed(t, incidents, names, publicBase(web, request), web.services.now())));
  }));

  app.get(`${STATUS_PATH}/:slug`, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const now = web.services.now();
    const figures = await endpointFigures(store, param(request.params, 'slug'), now);
    if (!figures) return sendNotFound(reply, web, t, pathAndQuery(request), t('status.unknownEndpoint'));
    return sendPublicPage(reply, web, t, {
      title: t('status.endpointTitle', { name: figures.row.name }),
      path: pathAndQuery(request),
      head: chartHead(t),
      scripts: ['status-charts.js'],
      main: endpointPage(t, figures, now),
    });
  }));
}
