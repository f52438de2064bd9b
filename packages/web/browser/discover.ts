/**
 * `/discover` with JavaScript: the map (click or tap a spot) and "use my
 * location" fill the coordinates form and fetch the answer for the spot, which
 * replaces the results in place (the page's URL follows, so it can be shared
 * and reloaded). Without JavaScript, or when the fetch fails, the form is
 * submitted as a plain GET.
 */
import { readDiscoverConfig, type DiscoverConfig } from './discover-config.js';
import { focusErrorSummary } from './error-summary-focus.js';
import { locate } from './geolocate.js';
import { baseMap, leaflet } from './map-tiles.js';
import { fill } from './report-config.js';

const POINT_ZOOM = 13;
/** Enough for a metre; more only makes the URL longer. */
const DIGITS = 6;

interface Elements {
  form: HTMLFormElement;
  lat: HTMLInputElement;
  long: HTMLInputElement;
  results: HTMLElement;
  status: HTMLElement;
}

function elements(): Elements | undefined {
  const form = document.getElementById('discover-form');
  const lat = document.getElementById('discover-lat');
  const long = document.getElementById('discover-long');
  const results = document.getElementById('discover-results');
  const status = document.getElementById('discover-status');
  if (!(form instanceof HTMLFormElement) || !(lat instanceof HTMLInputElement) || !(long instanceof HTMLInputElement)) return undefined;
  if (!results || !status) return undefined;
  return { form, lat, long, results, status };
}

/** Fetches the page for the spot and takes its results; false when that failed. */
async function showSpot(el: Elements, url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
    if (!res.ok) return false;
    const page = new DOMParser().parseFromString(await res.text(), 'text/html');
    const fresh = page.getElementById('discover-results');
    if (!fresh) return false;
    el.results.replaceChildren(...Array.from(fresh.childNodes, (n) => document.importNode(n, true)));
    el.status.textContent = page.getElementById('discover-results-summary')?.textContent ?? '';
    // The language links keep the spot.
    const languages = page.querySelector('.languages');
    if (languages) document.querySelector('.languages')?.replaceWith(document.importNode(languages, true));
    return true;
  } catch {
    return false;
  }
}

function start(config: DiscoverConfig, el: Elements): void {
  const lf = leaflet();
  const block = document.getElementById('discover-map-block');
  const mapElement = document.getElementById('discover-map');
  if (!lf || !block || !mapElement) return;
  block.hidden = false;
  const map = baseMap(lf, mapElement, config.map, config.map.center);
  const label = config.messages['discover.marker'];
  let marker: import('leaflet').Marker | undefined;

  const place = (lat: number, long: number): void => {
    if (marker) marker.setLatLng([lat, long]);
    else marker = lf.marker([lat, long], { title: label, alt: label, keyboard: false }).addTo(map);
  };

  const choose = async (lat: number, long: number): Promise<void> => {
    place(lat, long);
    el.lat.value = lat.toFixed(DIGITS);
    el.long.value = long.toFixed(DIGITS);
    el.status.textContent = fill(config.messages['discover.looking'], { lat: el.lat.value, long: el.long.value });
    const query = new URLSearchParams({ lat: el.lat.value, long: el.long.value });
    const url = `${el.form.action}?${query.toString()}`;
    if (await showSpot(el, url)) history.pushState(null, '', url);
    else el.form.submit();
  };

  if (config.point) place(config.point.lat, config.point.long);
  map.on('click', (e: import('leaflet').LeafletMouseEvent) => {
    const p = e.latlng.wrap();
    void choose(p.lat, p.lng);
  });

  document.getElementById('discover-locate')?.addEventListener('click', () => {
    el.status.textContent = config.messages['discover.locating'];
    void locate().then((found) => {
      if (!found.ok) {
        el.status.textContent = config.messages[found.reason === 'denied' ? 'discover.denied' : 'discover.unsupported'];
        return;
      }
      map.setView([found.lat, found.long], Math.max(map.getZoom(), POINT_ZOOM));
      void choose(found.lat, found.long);
    });
  });

  // Back and forward through spots chosen on the map: the server renders each.
  window.addEventListener('popstate', () => location.reload());
}

focusErrorSummary();
const config = readDiscoverConfig();
const el = elements();
if (config && el) start(config, el);
