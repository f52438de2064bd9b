/**
 * The open-data page (`/open-data`) and the Atom feeds of updates
 * (`/open-data[/{jurisdiction_id}]/updates.atom`). The feed lives here, not
 * beside the files in @o311/server, because its entries are written in the
 * reader's language with the tracker's words and link to the tracker pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OPEN_DATA_HEADERS, openDataBase, openDataEtag, openDataJurisdiction, openDataJurisdictions, requestMonths } from '@o311/server';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import { translatorFor } from '../request-locale.js';
import { publicBase } from '../citizen/origin.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { ATOM_CONTENT_TYPE, atomFeed } from '../tracker/atom.js';
import { webJurisdiction } from '../citizen/jurisdiction.js';
import { openDataPage, type PublishedJurisdiction } from './open-data-page.js';
import { OPEN_DATA_PATH, updatesFeedPath } from './paths.js';
import { recentUpdates } from './recent-updates.js';
import { FEED_ENTRIES, updatesFeed } from './updates-feed.js';

const opts = { schema: { hide: true } };

/** The months of each jurisdiction, kept until the data changes (a month costs two indexed queries). */
const monthsCache = new WeakMap<WebContext, { version: string; months: Map<string, PublishedJurisdiction['months']> }>();

async function publishedJurisdictions(web: WebContext): Promise<PublishedJurisdiction[]> {
  const store = web.services.store;
  const version = await store.dataVersion();
  let cache = monthsCache.get(web);
  if (cache?.version !== version) {
    cache = { version, months: new Map() };
    monthsCache.set(web, cache);
  }
  const { primary, all } = await openDataJurisdictions(store);
  const out: PublishedJurisdiction[] = [];
  for (const j of all) {
    let months = cache.months.get(j.id);
    if (months === undefined) {
      months = await requestMonths(store, j);
      cache.months.set(j.id, months);
    }
    out.push({ j, base: openDataBase(j, primary), months });
  }
  return out;
}

async function sendFeed(web: WebContext, request: FastifyRequest, reply: FastifyReply, id: string | undefined): Promise<FastifyReply> {
  const t = translatorFor(request, reply);
  const store = web.services.store;
  const j = await openDataJurisdiction(store, id);
  const etag = (await openDataEtag(web.services, request)).replace(/"$/, `-${t.locale}"`);
  reply.headers({ ...OPEN_DATA_HEADERS, etag, vary: 'accept-language, cookie' });
  if (request.headers['if-none-match']?.split(',').some((e) => e.trim() === etag)) return reply.code(304).send();
  const now = web.services.now();
  const [primary, served] = await Promise.all([store.primaryJurisdiction(), webJurisdiction(web).catch(() => undefined)]);
  const updates = await recentUpdates(store, j.id, now, FEED_ENTRIES);
  const place = { origin: publicBase(web, request), base: openDataBase(j, primary), tracked: served?.id === j.id };
  return reply.header('content-type', ATOM_CONTENT_TYPE).send(atomFeed(updatesFeed(t, j, updates, place, now)));
}

export async function registerOpenDataPages(app: FastifyInstance, web: WebContext): Promise<void> {
  app.get(OPEN_DATA_PATH, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const published = await publishedJurisdictions(web);
    const feeds = published.map((p) => html`<link rel="alternate" type="application/atom+xml" title="${t('openData.feed.title', { name: p.j.name })}" href="${updatesFeedPath(p.base)}">`);
    return sendPublicPage(reply, web, t, { title: t('openData.title'), path: pathAndQuery(request), head: html`${feeds}`, main: openDataPage(t, published) });
  }));
  app.get(`${OPEN_DATA_PATH}/updates.atom`, opts, publicHandler(web, (request, reply) => sendFeed(web, request, reply, undefined)));
  app.get(`${OPEN_DATA_PATH}/:jurisdiction/updates.atom`, opts, publicHandler(web, (request, reply) =>
    sendFeed(web, request, reply, param(request.params, 'jurisdiction'))));
}
