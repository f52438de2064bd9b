/**
 * `/report/at`: place the point (a map with JavaScript, latitude and
 * longitude fields without), then every service there, grouped by who handles
 * it and, within that, by the service's group.
 */
import type { Service } from '@o311/georeport';
import { html, jsonData, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { groupServices } from '../catalog.js';
import { reportPath } from '../report-page.js';
import { PLACE_PATH, routedReportPath, type Point } from './paths.js';
import type { Handler } from './picker.js';
import { tierLabel } from './tier-label.js';
import type { MapConfig } from '../map-config.js';
import type { MapView } from '../map-center.js';

export const PLACE_CONFIG_ID = 'place-config';

/** What the place page's browser module is told (browser/place.ts declares the same shape). */
export interface PlaceConfig {
  map: MapConfig & { center: MapView };
  messages: { 'location.marker': string; 'location.chosen': string; 'location.locating': string; 'location.found': string; 'location.denied': string; 'location.unsupported': string };
}

export interface PlaceView {
  /** What was typed (kept when wrong). */
  lat: string;
  long: string;
  /** Set when lat and long were sent but are not a point. */
  invalid: boolean;
  /** The point and its services, once placed. */
  picked?: { point: Point; handlers: readonly Handler[] };
  config: PlaceConfig;
}

function placeForm(t: Translator, v: PlaceView): Html {
  const error = v.invalid ? html`<p class="field-error" id="place-error">${t('place.error')}</p>` : '';
  const aria = v.invalid ? html` aria-describedby="place-error" aria-invalid="true"` : '';
  const input = (name: 'lat' | 'long', value: string, limit: number): Html =>
    html`<div class="field"><label for="place-${name}">${t(name === 'lat' ? 'location.lat' : 'location.long')}</label><input type="number" id="place-${name}" name="${name}" step="any" min="${-limit}" max="${limit}" inputmode="decimal" value="${value}" required${aria}></div>`;
  return html`<form action="${PLACE_PATH}" method="get" class="place-form${v.invalid ? ' field-invalid' : ''}" id="place-form">
<div class="map-block" id="map-block" hidden>
<p class="hint" id="map-help">${t('location.mapHelp')}</p>
<div id="place-map" class="map" aria-describedby="map-help"></div>
<button type="button" id="locate-me" class="secondary">${t('location.useMine')}</button>
</div>
<p id="location-status" class="status" role="status"></p>
${error}
<div class="field-row">${input('lat', v.lat, 90)}${input('long', v.long, 180)}</div>
<div class="actions"><button type="submit" id="place-submit">${t('place.submit')}</button></div>
</form>
<script type="application/json" id="${PLACE_CONFIG_ID}">${jsonData(v.config)}</script>`;
}

const serviceLink = (h: Handler, s: Service, point: Point): string =>
  h.home ? `${reportPath(s.service_code)}?${new URLSearchParams({ lat: String(point.lat), long: String(point.long) }).toString()}` : routedReportPath(s.service_code, point);

function handlerSection(t: Translator, h: Handler, i: number, point: Point): Html {
  const id = `handler-${i}`;
  const groups = groupServices(h.services, t.locale);
  const body = h.unavailable
    ? html`<p class="notice" role="note">${t('place.unavailable', { name: h.name })}</p>`
    : groups.map((g, k) => html`<h4 id="${id}-group-${k}">${g.name ?? t('home.otherServices')}</h4>
<ul class="service-list" aria-labelledby="${id}-group-${k}">${g.services.map((s) => html`<li class="service"><a href="${serviceLink(h, s, point)}"><span class="service-name">${s.service_name}</span>${
        s.description ? html`<span class="service-description">${s.description}</span>` : ''
      }</a></li>`)}</ul>`);
  return html`<section class="handler${h.home ? ' handler-home' : ''}" id="${id}" aria-labelledby="${id}-title" data-tier="${h.tier}">
<h3 id="${id}-title">${h.name} <span class="tier-badge">${tierLabel(t, h.tier)}</span></h3>
${body}
</section>`;
}

function picked(t: Translator, p: NonNullable<PlaceView['picked']>): Html {
  const shown = p.handlers.filter((h) => h.unavailable || h.services.length > 0);
  return html`<section class="picker" id="picker" aria-labelledby="picker-title">
<h2 id="picker-title">${t('place.servicesTitle')}</h2>
<p>${t('place.at', { lat: t.number(p.point.lat), long: t.number(p.point.long) })}</p>
${shown.length === 0 ? html`<p id="picker-none">${t('place.none')}</p>` : shown.map((h, i) => handlerSection(t, h, i, p.point))}
</section>`;
}

export function placePage(t: Translator, v: PlaceView): Html {
  return html`<p class="breadcrumb"><a href="/">${t('report.allServices')}</a></p>
<h1>${t('place.title')}</h1>
<p class="lead">${t('place.intro')}</p>
${placeForm(t, v)}
${v.picked ? picked(t, v.picked) : ''}`;
}
