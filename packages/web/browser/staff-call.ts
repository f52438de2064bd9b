/**
 * The contact centre's call form (src/staff/calls/call-form-page.ts),
 * enhanced: a map to click, or whose marker to drag, fills the latitude and
 * longitude, and "Find this address" searches without leaving the page
 * (geocode.ts), the place chosen shown on the map. Without this module the
 * same form works by its posts.
 */
import { wireGeocode } from './geocode.js';
import { createLocationMap, type LocationMap, type LocationMapConfig } from './location-map.js';
import { fill } from './report-config.js';
import { readDataBlock } from './staff-data.js';

/** The `#call-map-config` block (src/staff/calls/call-form-page.ts: keep in step). */
interface CallMapConfig extends LocationMapConfig {
  messages: LocationMapConfig['messages'] & Record<'location.chosen', string>;
}

function start(): void {
  const config = readDataBlock<CallMapConfig>('call-map-config');
  const lat = document.getElementById('f-lat') as HTMLInputElement | null;
  const long = document.getElementById('f-long') as HTMLInputElement | null;
  const block = document.getElementById('call-map-block');
  const mapEl = document.getElementById('call-map');
  const status = document.getElementById('call-map-status');
  if (!config || !lat || !long || !block || !mapEl) return;
  const picked = (la: number, lo: number): void => {
    lat.value = la.toFixed(6);
    long.value = lo.toFixed(6);
    if (status) status.textContent = fill(config.messages['location.chosen'], { lat: lat.value, long: long.value });
  };
  block.hidden = false;
  const map: LocationMap | undefined = createLocationMap(mapEl, config, picked);
  if (!map) block.hidden = true;
  const typed = [lat.value, long.value].map(Number);
  if (lat.value !== '' && long.value !== '' && typed.every(Number.isFinite)) map?.setPoint(typed[0]!, typed[1]!, true);
  wireGeocode({
    preview: (la, lo) => map?.setPoint(la, lo, true),
    confirm: (la, lo) => {
      map?.setPoint(la, lo, true);
      picked(la, lo);
    },
  });
}

start();
