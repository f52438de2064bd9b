/**
 * The map: areas shaded by the requests opened in the range (a choropleth
 * with its legend) and the newest requests as clustered points, drawn by
 * browser/dashboard.ts with Leaflet; the same counts are in the table below
 * it, which is all a reader without JavaScript (or without tiles) needs.
 * The points' note (how many are shown) comes with the map, from the view's JSON.
 */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { MapConfig } from '../citizen/map-config.js';
import { dataTable } from '../status/data-table.js';
import type { ViewJson } from './view-json.js';

export function mapSection(t: Translator, v: ViewJson, tiles: MapConfig, areasUrl: string, areaLabel: string): Html {
  return html`<section class="dashboard-map-section" aria-labelledby="dashboard-map-title">
<h2 id="dashboard-map-title">${t('dashboard.map')}</h2>
<p class="hint" id="dashboard-map-text">${t('dashboard.mapText')}</p>
<div id="dashboard-map" class="map dashboard-map" hidden role="region" aria-labelledby="dashboard-map-title" aria-describedby="dashboard-map-text" data-tile-url="${tiles.tileUrl}" data-attribution="${tiles.attribution}" data-areas="${areasUrl}"></div>
<div id="dashboard-legend" class="dashboard-legend" hidden></div>
<p id="dashboard-points-note" data-text="points-note" hidden></p>
${dataTable({
    id: 'dashboard-areas',
    caption: t('dashboard.areaCounts'),
    numericFrom: 1,
    columns: [areaLabel, t('dashboard.col.requests')],
    rows: v.areas.map((a) => [a.name, t.number(a.count)]),
  })}
</section>`;
}
