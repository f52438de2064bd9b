/** `GET /discover`: every Open311 endpoint covering a spot, and its services (issue 10, item 6). */
import type { FastifyInstance } from 'fastify';
import { servedJurisdiction } from '@o311/server';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import { translatorFor } from '../request-locale.js';
import { mapCenter, type MapView } from '../citizen/map-center.js';
import { mapConfig } from '../citizen/map-config.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { discoverMessages } from './discover-config.js';
import { discoverPage, type DiscoverView } from './discover-page.js';
import type { LocalJurisdictions } from './report-way.js';
import { serviceListsOf } from './service-lists.js';
import { SpotLookup } from './spot-lookup.js';
import { findPlace, placeText, type PlaceAnswer } from './place-query.js';
import { parseSpot, type SpotPoint, type SpotQuery } from './spot-query.js';

const opts = { schema: { hide: true } };
const SPOT_ZOOM = 11;
const WORLD: MapView = { lat: 20, long: 0, zoom: 2 };

async function localJurisdictions(web: WebContext): Promise<LocalJurisdictions> {
  const store = web.services.store;
  const [citizenApp, primary] = await Promise.all([servedJurisdiction(store, web.options.jurisdictionId), store.primaryJurisdiction()]);
  return { citizenApp: citizenApp?.id, primary: primary?.id };
}

/** Where the map opens: the spot asked about, else around the citizen app's recent reports. */
async function mapView(web: WebContext, point: SpotPoint | undefined): Promise<MapView> {
  if (point) return { ...point, zoom: SPOT_ZOOM };
  const j = await servedJurisdiction(web.services.store, web.options.jurisdictionId);
  return j ? mapCenter(web.services.store, j) : WORLD;
}

export async function registerDiscoverRoutes(app: FastifyInstance, web: WebContext): Promise<void> {
  const lists = serviceListsOf(web);
  const spots = new SpotLookup(web.services.discovery.points.registry, lists.source);
  app.addHook('onClose', () => lists.settled());

  app.get('/discover', opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    let query: SpotQuery = parseSpot(param(request.query, 'lat'), param(request.query, 'long'));
    const typedPlace = placeText(param(request.query, 'place'));
    let place: PlaceAnswer | undefined;
    if (query.kind === 'empty' && typedPlace !== '') {
      place = await findPlace(web.services.store, typedPlace);
      if (place.kind === 'found') {
        const { point: p } = place.place;
        query = { kind: 'point', point: p, typed: { lat: p.lat.toFixed(6), long: p.long.toFixed(6) } };
      }
    }
    const point = query.kind === 'point' ? query.point : undefined;
    const [groups, local, center] = await Promise.all([
      point ? spots.at(point, t.locale) : undefined,
      localJurisdictions(web),
      mapView(web, point),
    ]);
    const view: DiscoverView = {
      query,
      ...(place && { place }),
      ...(point && groups && { results: { point, groups, local } }),
      config: { map: { ...mapConfig(web.options), center }, point: point ?? null, messages: discoverMessages(t) },
    };
    const title = query.kind === 'invalid' ? t('report.titleWithErrors', { service: t('discover.title') }) : t('discover.title');
    return sendPublicPage(reply, web, t, {
      title,
      path: pathAndQuery(request),
      status: query.kind === 'invalid' ? 400 : 200,
      map: true,
      scripts: ['discover.js'],
      head: html`<link rel="stylesheet" href="/assets/discover.css">`,
      main: discoverPage(t, view),
    });
  }));
}
