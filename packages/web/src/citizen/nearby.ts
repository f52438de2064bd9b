/**
 * Open requests of the same service near a point ("already reported? say me
 * too instead"): the same query the browser sends to GET requests.json,
 * answered through the server's public projection, each with its distance
 * from the point, status, date, first photo and a "me too" button. The
 * buttons belong to small forms outside the report form (HTML forms do not
 * nest): `nearbySupportForms` renders them after it.
 */
import { parseRequestsQuery, parseW3CDateTime, type ExtendedStatus } from '@o311/georeport';
import { requestServices } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { trackerPath, type ProjectionContext } from './origin.js';
import { statusLabel } from '../tracker/status-label.js';
import { supportPath } from '../tracker/paths.js';
import { supportCount } from '../tracker/support-section.js';
import { distanceM, metres } from './distance.js';

export const NEARBY_RADIUS_M = 200;
export const NEARBY_LIMIT = 10;

/** The id of the form a nearby request's "me too" button submits (also browser/nearby.ts). */
export const supportFormId = (id: string): string => `support-${id}`;

export interface NearbyRequest {
  id: string;
  description: string | null;
  address: string | null;
  requestedAt: number;
  status: ExtendedStatus;
  /** Metres from the chosen point. */
  distanceM: number;
  /** The first photo, when it is served here. */
  photo: string | null;
  supporters: number;
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
  const counts = await services.store.supporters.counts(j.id, page.items.map((r) => r.service_request_id));
  return page.items.map((r) => ({
    id: r.service_request_id,
    description: r.description,
    address: r.address,
    requestedAt: parseW3CDateTime(r.requested_datetime) ?? 0,
    status: r.status,
    distanceM: r.lat === null || r.long === null ? 0 : distanceM(point, { lat: r.lat, long: r.long }),
    photo: r.media_url !== null && r.media_url.startsWith(projection.mediaBase) ? r.media_url : null,
    supporters: counts.get(r.service_request_id) ?? 0,
  }));
}

const nearbyItem = (t: Translator, timezone: string, r: NearbyRequest): Html =>
  html`<li class="nearby-item">${r.photo ? html`<img class="nearby-photo" src="${r.photo}" alt="${t('nearby.photo', { id: r.id })}" width="64" height="64" loading="lazy">` : ''}
<div class="nearby-body"><a href="${trackerPath(r.id)}">${t('nearby.item', { id: r.id, date: t.date(r.requestedAt, timezone) })}</a>
<span class="nearby-meta"><span class="nearby-distance">${t('nearby.distance', { distance: metres(t, r.distanceM) })}</span> · <span class="nearby-status">${t('nearby.status', { status: statusLabel(t, r.status) })}</span></span>
${r.description ? html`<span class="nearby-description">${r.description}</span>` : ''}${r.address ? html`<span class="nearby-address">${r.address}</span>` : ''}
${supportCount(t, r.supporters)}
<button type="submit" class="secondary me-too" form="${supportFormId(r.id)}">${t('support.meToo')}<span class="sr-only"> (${t('tracker.title', { id: r.id })})</span></button></div></li>`;

/** The "me too" forms of the listed requests (empty forms the buttons submit). */
export const nearbySupportForms = (items: readonly NearbyRequest[]): Html =>
  html`<div id="nearby-forms">${items.map((r) => html`<form id="${supportFormId(r.id)}" method="post" action="${supportPath(r.id)}" hidden></form>`)}</div>`;

/** The "already reported?" box; the browser module fills the same list when the point moves. */
export const nearbySection = (t: Translator, timezone: string, items: readonly NearbyRequest[]): Html =>
  html`<section class="nearby" id="nearby" aria-labelledby="nearby-title" aria-live="polite"${items.length === 0 ? html` hidden` : ''}>
<h2 id="nearby-title">${t('nearby.title')}</h2>
<p>${t('nearby.text')}</p>
<ul id="nearby-list">${items.map((r) => nearbyItem(t, timezone, r))}</ul>
</section>`;
