/** The tracker's small map: one marker where the problem was reported (data attributes of `#track-map`). */
import { baseMap, leaflet } from './map-tiles.js';

const ZOOM = 16;

function start(): void {
  const el = document.getElementById('track-map');
  const lf = leaflet();
  if (!el || !lf) return;
  const lat = Number(el.dataset.lat);
  const long = Number(el.dataset.long);
  if (!Number.isFinite(lat) || !Number.isFinite(long)) return;
  el.hidden = false;
  const map = baseMap(lf, el, { tileUrl: el.dataset.tileUrl ?? '', attribution: el.dataset.attribution ?? '' }, { lat, long, zoom: ZOOM });
  const label = el.dataset.label ?? '';
  lf.marker([lat, long], { title: label, alt: label, keyboard: false }).addTo(map);
}

start();
