/**
 * The place step (`/report/at`), enhanced: a map to click (or the reader's
 * own location) fills the latitude and longitude; the reader then asks for the
 * services there. Without this module the same fields are typed by hand.
 */
import { locate } from './geolocate.js';
import { createLocationMap, type LocationMapConfig } from './location-map.js';
import { fill } from './report-config.js';

/** The `#place-config` block (written by src/citizen/routed/place-page.ts: keep in step). */
interface PlaceConfig extends LocationMapConfig {
  messages: LocationMapConfig['messages'] & Record<'location.chosen' | 'location.locating' | 'location.found' | 'location.denied' | 'location.unsupported', string>;
}

function readConfig(): PlaceConfig | undefined {
  const text = document.getElementById('place-config')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as PlaceConfig;
  } catch {
    return undefined;
  }
}

function start(): void {
  const config = readConfig();
  const lat = document.getElementById('place-lat') as HTMLInputElement | null;
  const long = document.getElementById('place-long') as HTMLInputElement | null;
  const block = document.getElementById('map-block');
  const mapEl = document.getElementById('place-map');
  const status = document.getElementById('location-status');
  if (!config || !lat || !long || !block || !mapEl) return;
  const say = (text: string): void => {
    if (status) status.textContent = text;
  };
  const picked = (la: number, lo: number): void => {
    lat.value = la.toFixed(6);
    long.value = lo.toFixed(6);
    say(fill(config.messages['location.chosen'], { lat: lat.value, long: long.value }));
  };
  block.hidden = false;
  const map = createLocationMap(mapEl, config, picked);
  if (!map) {
    mapEl.hidden = true;
    return;
  }
  if (lat.value !== '' && long.value !== '' && Number.isFinite(Number(lat.value)) && Number.isFinite(Number(long.value))) {
    map.setPoint(Number(lat.value), Number(long.value), true);
  }
  document.getElementById('locate-me')?.addEventListener('click', async () => {
    say(config.messages['location.locating']);
    const r = await locate();
    if (!r.ok) {
      say(config.messages[r.reason === 'denied' ? 'location.denied' : 'location.unsupported']);
      return;
    }
    map.setPoint(r.lat, r.long, true);
    picked(r.lat, r.long);
    say(config.messages['location.found']);
  });
}

start();
