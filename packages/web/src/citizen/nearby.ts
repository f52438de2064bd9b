/**
 * Open requests of the same service near a point ("is this yours? follow it
 * instead"): the same query the browser sends to GET requests.json, answered
 * through the server's public projection.
 */
import { parseRequestsQuery, parseW3CDateTime } from '@o311/georeport';
import { requestServices } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { trackerPath, type ProjectionContext } from './origin.js';

export const NEARBY_RADIUS_M = 200;
export const NEARBY_LIMIT = 10;

export interface NearbyRequest {
  id: string;
  description: string | null;
  address: string | null;
  requestedAt: number;
}

/** The query string of GET requests.json for open requests of `code` near the point. */
export const nearbyQuery = (code: string, lat: number, long: number): Record<string, string> => ({
  service_code: code,
  lat: String(lat),
  long: String(long),
  radius: String(NEARBY_RADIUS_M),
  status: 'open',
  page: '1',
  page_size: String(NEARBY_LIMIT),
});

export async function findNearby(
  web: WebContext,
  j: Jurisdiction,
  projection: ProjectionContext,
  point: { code: string; lat: number; long: number },
): Promise<NearbyRequest[]> {
  const { services } = web;
  const query = parseRequestsQuery(nearbyQuery(point.code, point.lat, point.long), {
    now: services.now(),
    maxResults: services.limits.maxResults,
    maxPageSize: services.limits.maxPageSize,
    defaultPageSize: services.limits.defaultPageSize,
  });
  const page = await requestServices.findRequests(services, j, query, projection);
  return page.items.map((r) => ({
    id: r.service_request_id,
    description: r.description,
    address: r.address,
    requestedAt: parseW3CDateTime(r.requested_datetime) ?? 0,
  }));
}

const nearbyItem = (t: Translator, timezone: string, r: NearbyRequest): Html =>
  html`<li><a href="${trackerPath(r.id)}">${t('nearby.item', { id: r.id, date: t.date(r.requestedAt, timezone) })}</a>${
    r.description ? html`<span class="nearby-description">${r.description}</span>` : ''
  }${r.address ? html`<span class="nearby-address">${r.address}</span>` : ''}</li>`;

/** The "already reported?" box; the browser module fills the same list when the point moves. */
export const nearbySection = (t: Translator, timezone: string, items: readonly NearbyRequest[]): Html =>
  html`<section class="nearby" id="nearby" aria-labelledby="nearby-title" aria-live="polite"${items.length === 0 ? html` hidden` : ''}>
<h2 id="nearby-title">${t('nearby.title')}</h2>
<p>${t('nearby.text')}</p>
<ul id="nearby-list">${items.map((r) => nearbyItem(t, timezone, r))}</ul>
</section>`;
