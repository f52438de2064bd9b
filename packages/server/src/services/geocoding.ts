/**
 * The server's geocoder (issue 14): each jurisdiction's own gazetteer first,
 * then, when `serve --geocoder-url` names one, a Nominatim-compatible service,
 * reached only at public addresses unless private endpoints are allowed
 * (outbound-address.ts; the name is resolved and every address checked at
 * each search, as a name may resolve differently later). Its failures leave
 * the gazetteer's answer standing and go to the log.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { CompositeGeocoder, GazetteerGeocoder, NominatimGeocoder, type Geocoder } from '@o311/geocoder';
import type { Store } from '@o311/store';
import { hostOf, isPrivateAddress, privateLiteral } from './outbound-address.js';

export interface GeocodingOptions {
  /** The external service's base URL (http or https). */
  url?: string;
  /** Let it be a loopback or private address (`serve --allow-private-endpoints`, tests). */
  allowPrivate?: boolean;
  /** Names this deployment to the service, as its usage policy asks. */
  userAgent?: string;
  /** Told of each failure of the external service. */
  onError?: (e: unknown) => void;
}

export const DEFAULT_GEOCODER_USER_AGENT = 'o311 (Open311 GeoReport v2 server; https://github.com/o311)';

/** Why the service at `url` may not be asked (a private address and those not allowed); undefined when it may. */
export async function geocoderAddressProblem(url: URL, allowPrivate: boolean): Promise<string | undefined> {
  if (allowPrivate) return undefined;
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = isIP(host) !== 0 ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `the geocoder's host ${host} does not resolve`;
  }
  const inside = addresses.find(isPrivateAddress);
  return inside === undefined ? undefined : `${inside} is a loopback, private or link-local address, which this server does not send geocoding requests to`;
}

/** Why `text` cannot be the geocoder URL; undefined when it can. Checked at start-up (the resolved address again at each search). */
export function geocoderUrlProblem(text: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${text} is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the geocoder URL must start with https:// or http://';
  if (url.username !== '' || url.password !== '') return 'the geocoder URL must not carry a user name or password';
  const inside = allowPrivate ? undefined : privateLiteral(url);
  return inside === undefined ? undefined : `${inside} is a loopback, private or link-local address, which this server does not send geocoding requests to`;
}

export function createGeocoder(store: Store, o: GeocodingOptions = {}): Geocoder {
  const own = new GazetteerGeocoder(store.gazetteer);
  if (o.url === undefined) return own;
  const external = new NominatimGeocoder({
    baseUrl: o.url,
    userAgent: o.userAgent ?? DEFAULT_GEOCODER_USER_AGENT,
    checkAddress: (url) => geocoderAddressProblem(url, o.allowPrivate === true),
  });
  return new CompositeGeocoder(own, external, o.onError);
}
