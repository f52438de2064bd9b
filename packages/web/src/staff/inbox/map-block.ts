/**
 * A map of requests for browser/staff-map.ts: an empty container plus the
 * markers as a JSON data block (no inline script). Without JavaScript the
 * container stays hidden and the table next to it carries the same data.
 */
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL, type WebContext } from '../../context.js';
import { html, jsonData, type Html } from '../../html.js';

/** Read by browser/staff-map.ts (keep the two in step). */
export interface MapMarker {
  lat: number;
  long: number;
  title: string;
  href?: string;
}

export interface MapData {
  tileUrl: string;
  attribution: string;
  markers: MapMarker[];
}

export function mapBlock(web: WebContext, o: { id: string; label: string; markers: MapMarker[] }): Html {
  if (o.markers.length === 0) return html``;
  const data: MapData = {
    tileUrl: web.options.tileUrl ?? DEFAULT_TILE_URL,
    attribution: web.options.tileAttribution ?? DEFAULT_TILE_ATTRIBUTION,
    markers: o.markers,
  };
  return html`<div id="${o.id}" class="inbox-map" role="region" aria-label="${o.label}" data-markers="${o.id}-data"></div>
<script type="application/json" id="${o.id}-data">${jsonData(data)}</script>`;
}

/** Markers of the requests that have a location. */
export function requestMarkers<R extends { id: string; lat: number | null; long: number | null }>(
  rows: readonly R[],
  title: (r: R) => string,
  href?: (r: R) => string,
): MapMarker[] {
  return rows.flatMap((r) =>
    r.lat === null || r.long === null ? [] : [{ lat: r.lat, long: r.long, title: title(r), ...(href ? { href: href(r) } : {}) }],
  );
}
