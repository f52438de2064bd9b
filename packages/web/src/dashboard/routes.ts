/**
 * The dashboard (issue 13, part 1): a source's page (/dashboard,
 * /dashboard/{jurisdiction}, /dashboard/endpoint/{slug}), the list of
 * sources, the page's JSON (each part, and the whole view in one answer:
 * /dashboard/api/{source}/…) and the downloads of exactly a filter
 * (…/requests.csv, …/requests.geojson). Public and read-only; every answer
 * first brings the read model up to date (freshDashboard: a bounded catch-up
 * from the change feed), so the figures include the latest writes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { documentedOnly, freshDashboard } from '@o311/server';
import type { DashboardSource } from '@o311/store';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import { translator, type Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { sendNotFound } from '../citizen/not-found.js';
import { sendPublicPage } from '../citizen/page.js';
import { mapConfig } from '../citizen/map-config.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { apiSchema, downloadSchema } from './api-schemas.js';
import { areaLabelOf, dashboardPage } from './dashboard-page.js';
import { parseDashboardQuery, queryString, searchParamsOf, type ParsedQuery } from './dashboard-query.js';
import { findSource, servedId, type SourceRef } from './dashboard-source.js';
import { download, downloadName } from './downloads.js';
import { fieldErrors } from './filter-form.js';
import { addDays, dayOf } from '@o311/store';
import {
  API_PARTS, DASHBOARD_API_PATH, DASHBOARD_PATH, DOWNLOAD_FORMATS, SOURCES_PATH, apiPath, downloadPath, sourcePath, withQuery,
  type ApiPart, type DownloadFormat,
} from './paths.js';
import { sourcesPage } from './sources-page.js';
import { MAX_POINTS, bucketOf, filterOf, loadView, sourceChoices, type SourceChoices } from './view-data.js';
import {
  areasGeoJson, backlogJson, briefJson, closeTimesJson, namesOf, pointsGeoJson, viewJson, volumeJson, type Names, type ViewLinks,
} from './view-json.js';

const opts = { schema: { hide: true } };
const english = translator('en');

/** A source with what every answer about it needs: its filter, choices and links. */
interface Resolved {
  source: DashboardSource;
  parsed: ParsedQuery;
  choices: SourceChoices;
  page: string;
  links: ViewLinks;
  lastDay: string;
  now: number;
}

async function resolve(web: WebContext, ref: SourceRef, url: string): Promise<Resolved | undefined> {
  await freshDashboard(web.services);
  const source = await findSource(web, ref);
  if (!source) return undefined;
  const now = web.services.now();
  const today = dayOf(now, source.timezone);
  const parsed = parseDashboardQuery(searchParamsOf(url), source.timezone, now);
  const [choices, primary] = await Promise.all([sourceChoices(web.services.store, source), servedId(web)]);
  const page = sourcePath(source, primary);
  const qs = queryString(parsed.query);
  const links: ViewLinks = {
    page: withQuery(page, qs),
    csv: withQuery(downloadPath(page, 'csv'), qs),
    geojson: withQuery(downloadPath(page, 'geojson'), qs),
    json: withQuery(apiPath(source.id, 'view'), qs),
  };
  return { source, parsed, choices, page, links, lastDay: addDays(today, 1), now };
}

const names = (t: Translator, r: Resolved): Names => namesOf(r.choices, t('dashboard.noArea'));

function sendJson(reply: FastifyReply, status: number, body: unknown, started: number): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('access-control-allow-origin', '*')
    .header('x-content-type-options', 'nosniff')
    .header('server-timing', `app;dur=${(performance.now() - started).toFixed(1)}`)
    .send(JSON.stringify(body));
}

/** The Open311 error document of a bad filter, one entry per problem. */
const badFilter = (r: Resolved) =>
  fieldErrors(english, r.parsed.errors).map((e) => ({ code: 400, description: e.message }));

const notFound = (what: string) => [{ code: 404, description: `There is no dashboard for ${JSON.stringify(what)}.` }];

/** The JSON of one part of a view; the whole view for `view`. */
async function partJson(web: WebContext, r: Resolved, part: ApiPart): Promise<unknown> {
  const store = web.services.store;
  const q = r.parsed.query;
  const n = names(english, r);
  const filter = filterOf(r.source, q, r.choices);
  if (part === 'view' || filter === undefined) {
    const view = viewJson(await loadView(store, r.source, q, r.choices, r.now), n, r.links);
    if (part === 'view') return view;
    if (part === 'areas') return areasGeoJson(await store.dashboard.areaShapes(r.source.id), []);
    if (part === 'points') return pointsGeoJson([], 0);
    return { brief: view.brief, volume: view.volume, 'close-times': view.close_times, backlog: view.backlog }[part];
  }
  const d = store.dashboard;
  switch (part) {
    case 'brief': return briefJson(await d.brief(filter, q.day), n);
    case 'volume': return volumeJson(bucketOf(q), await d.volume(filter, bucketOf(q)));
    case 'close-times': return closeTimesJson(await d.closeTimes(filter));
    case 'backlog': return backlogJson(await d.backlogByAge(filter, r.now));
    case 'areas': {
      const [shapes, counts] = await Promise.all([d.areaShapes(r.source.id), d.countsByArea(filter)]);
      return areasGeoJson(shapes, counts);
    }
    case 'points': {
      const [points, total] = await Promise.all([d.points(filter, MAX_POINTS), d.total(filter)]);
      return pointsGeoJson(points, total);
    }
  }
}

function pageRef(request: FastifyRequest): SourceRef {
  const id = param(request.params, 'id');
  // /dashboard/endpoint/ (no slug) names no endpoint: it is not the served jurisdiction's page.
  if (typeof request.params === 'object' && request.params !== null && 'slug' in request.params) {
    return { kind: 'endpoint', slug: param(request.params, 'slug') };
  }
  return id !== '' ? { kind: 'local', id } : { kind: 'served' };
}

/** The three places a source's page (and its downloads beside it) live. */
const PAGE_ROUTES = [DASHBOARD_PATH, `${DASHBOARD_PATH}/:id`, `${DASHBOARD_PATH}/endpoint/:slug`] as const;

export async function registerDashboardRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
  const tiles = mapConfig(web.options);

  app.get(SOURCES_PATH, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    await freshDashboard(web.services);
    const [sources, primary] = await Promise.all([web.services.store.dashboard.listSources(), servedId(web)]);
    return sendPublicPage(reply, web, t, { title: t('dashboard.sources.title'), path: pathAndQuery(request), main: sourcesPage(t, sources, primary) });
  }));

  for (const route of PAGE_ROUTES) {
    app.get(route, opts, publicHandler(web, async (request, reply) => {
      const t = translatorFor(request, reply);
      const r = await resolve(web, pageRef(request), request.url);
      if (!r) return sendNotFound(reply, web, t, pathAndQuery(request), t('dashboard.unknownSource'));
      const errors = fieldErrors(t, r.parsed.errors);
      const view = errors.length > 0 ? undefined : viewJson(await loadView(web.services.store, r.source, r.parsed.query, r.choices, r.now, false), names(t, r), r.links);
      return sendPublicPage(reply, web, t, {
        title: t('dashboard.title', { name: r.source.name }),
        path: pathAndQuery(request),
        head: html`<link rel="stylesheet" href="/assets/status.css"><link rel="stylesheet" href="/assets/dashboard.css"><script src="/assets/vendor/chartjs/chart.umd.min.js" defer></script>`,
        scripts: ['dashboard.js'],
        map: true,
        ...(errors.length > 0 && { status: 400 }),
        main: dashboardPage(t, {
          source: r.source, path: r.page, query: r.parsed.query, choices: r.choices, lastDay: r.lastDay, errors, view, tiles,
          areasUrl: withQuery(apiPath(r.source.id, 'areas'), queryString(r.parsed.query)),
          viewUrl: apiPath(r.source.id, 'view'),
        }),
      });
    }));

    for (const format of DOWNLOAD_FORMATS) {
      const path = route === DASHBOARD_PATH ? `${DASHBOARD_PATH}/requests.${format}` : `${route}/requests.${format}`;
      app.get(path, documentedOnly(downloadSchema(format, route)), async (request, reply) => {
        const started = performance.now();
        const r = await resolve(web, pageRef(request), request.url);
        if (!r) return sendJson(reply, 404, notFound(request.url.split('?')[0] ?? ''), started);
        if (r.parsed.errors.length > 0) return sendJson(reply, 400, badFilter(r), started);
        return sendDownload(web, reply, r, format);
      });
    }
  }

  for (const part of API_PARTS) {
    app.get(`${DASHBOARD_API_PATH}/:source/${part}`, documentedOnly(apiSchema(part)), async (request, reply) => {
      const started = performance.now();
      const id = param(request.params, 'source');
      const r = await resolve(web, { kind: 'id', id }, request.url);
      if (!r) return sendJson(reply, 404, notFound(id), started);
      if (r.parsed.errors.length > 0) return sendJson(reply, 400, badFilter(r), started);
      return sendJson(reply, 200, await partJson(web, r, part), started);
    });
  }
}

async function sendDownload(web: WebContext, reply: FastifyReply, r: Resolved, format: DownloadFormat): Promise<FastifyReply> {
  const filter = filterOf(r.source, r.parsed.query, r.choices);
  // Groups without services match nothing: a range ending before it starts stands for that.
  const q = r.parsed.query;
  const f = filter ?? { source_id: r.source.id, from_day: addDays(q.to, 1), to_day: q.to };
  const file = await download(web.services.store, r.source, f, format);
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${downloadName(r.source, q, format)}"`)
    .header('cache-control', 'no-cache')
    .header('access-control-allow-origin', '*')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}
