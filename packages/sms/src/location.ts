/**
 * A location shared from a phone: `geo:` URIs, map links carrying their
 * coordinates (Google, Apple, OpenStreetMap, Bing) and a bare "lat,long".
 * Anything else is an address for the geocoder.
 */

export interface SharedPoint {
  lat: number;
  long: number;
}

const NUMBER = String.raw`[-+]?\d{1,3}(?:\.\d{1,12})?`;
const PAIR = new RegExp(String.raw`^\s*(${NUMBER})\s*[,;]\s*(${NUMBER})\s*$`);
const GEO_URI = new RegExp(String.raw`\bgeo:(${NUMBER}),(${NUMBER})`, 'i');
const AT_PAIR = new RegExp(String.raw`@(${NUMBER}),(${NUMBER})`);
/** Query parameters of map links that hold "lat,long". */
const PAIR_PARAMS = ['q', 'query', 'll', 'sll', 'daddr', 'center', 'cp'];

function point(lat: string | undefined, long: string | undefined): SharedPoint | undefined {
  if (lat === undefined || long === undefined) return undefined;
  const p = { lat: Number(lat), long: Number(long) };
  return Number.isFinite(p.lat) && Number.isFinite(p.long) && Math.abs(p.lat) <= 90 && Math.abs(p.long) <= 180 ? p : undefined;
}

function fromLink(text: string): SharedPoint | undefined {
  const link = /https?:\/\/\S+/i.exec(text)?.[0];
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const at = AT_PAIR.exec(url.pathname);
  if (at) return point(at[1], at[2]);
  const mlat = url.searchParams.get('mlat');
  if (mlat !== null) return point(mlat, url.searchParams.get('mlon') ?? undefined);
  for (const name of PAIR_PARAMS) {
    const pair = PAIR.exec((url.searchParams.get(name) ?? '').replace('~', ','));
    if (pair) return point(pair[1], pair[2]);
  }
  // OpenStreetMap: #map=zoom/lat/long
  const hash = /map=\d+\/(-?[\d.]+)\/(-?[\d.]+)/.exec(url.hash);
  return hash ? point(hash[1], hash[2]) : undefined;
}

/** The point a shared location names; undefined when the text is not one. */
export function sharedLocation(text: string): SharedPoint | undefined {
  const geo = GEO_URI.exec(text);
  if (geo) return point(geo[1], geo[2]);
  const pair = PAIR.exec(text);
  if (pair) return point(pair[1], pair[2]);
  return fromLink(text);
}
