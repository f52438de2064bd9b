/**
 * Searching a typed address for the report form (issue 14): the server's
 * geocoder (gazetteer, then the configured external service), through a short
 * cache, so that the same query typed again (the no-JS form coming back, a
 * reporter pressing the button twice) costs nothing and the external service
 * sees each query once a minute at most. Candidates carry no personal data.
 */
import { GeocoderError, MAX_QUERY_LENGTH, type GeocodeCandidate, type Viewbox } from '@o311/geocoder';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';
import { CITY_ZOOM, mapCenter, type MapView } from './map-center.js';

/** Candidates offered to a reporter. */
export const GEOCODE_CANDIDATES = 5;
/** How long an answer is reused. */
export const GEOCODE_CACHE_MS = 60_000;
const CACHE_ENTRIES = 500;
/** Degrees around the map's centre an external service keeps to. */
const VIEWBOX_DEGREES = 0.3;

export type AddressSearch =
  | { kind: 'found'; candidates: GeocodeCandidate[] }
  | { kind: 'bad'; message: string }
  | { kind: 'failed' };

interface Entry {
  at: number;
  answer: AddressSearch;
}

const caches = new WeakMap<WebContext, Map<string, Entry>>();

function cacheOf(web: WebContext): Map<string, Entry> {
  let cache = caches.get(web);
  if (!cache) caches.set(web, (cache = new Map()));
  return cache;
}

/** A box around the city's map, for an external service; none while the map shows the world (no reports yet). */
const viewboxAround = (c: MapView): Viewbox | undefined =>
  c.zoom < CITY_ZOOM ? undefined : { west: c.long - VIEWBOX_DEGREES, east: c.long + VIEWBOX_DEGREES, south: c.lat - VIEWBOX_DEGREES, north: c.lat + VIEWBOX_DEGREES };

/** The candidates for `text` in jurisdiction `j`, or why there are none to give. */
export async function searchAddress(web: WebContext, j: Jurisdiction, text: string, locale: string): Promise<AddressSearch> {
  const query = text.trim().replace(/\s+/g, ' ');
  if (query.length > MAX_QUERY_LENGTH) return { kind: 'bad', message: `the address is longer than ${MAX_QUERY_LENGTH} characters` };
  const key = `${j.id}\n${locale}\n${query.toLowerCase()}`;
  const cache = cacheOf(web);
  const now = web.services.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < GEOCODE_CACHE_MS) return hit.answer;
  let answer: AddressSearch;
  try {
    const viewbox = viewboxAround(await mapCenter(web.services.store, j));
    const candidates = await web.services.geocoder.search({ text: query, jurisdiction_id: j.id, limit: GEOCODE_CANDIDATES, language: locale, ...(viewbox && { viewbox }) });
    answer = { kind: 'found', candidates };
  } catch (e) {
    if (e instanceof GeocoderError && e.kind === 'bad-query') return { kind: 'bad', message: e.message };
    return { kind: 'failed' };
  }
  cache.delete(key);
  cache.set(key, { at: now, answer });
  // The oldest entries go first (a Map keeps insertion order).
  for (const old of cache.keys()) {
    if (cache.size <= CACHE_ENTRIES) break;
    cache.delete(old);
  }
  return answer;
}
