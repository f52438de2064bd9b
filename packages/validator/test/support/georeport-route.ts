/** Which GeoReport v2 resource a URL names, in o311's layout (`/open311/discovery.*`, `/open311/v2/*`). */

export const DISCOVERY_PATH = '/open311/discovery';
export const API_PATH = '/open311/v2/';

export type Resource = 'discovery' | 'services' | 'definition' | 'submit' | 'requests' | 'request' | 'token' | 'other';
export type Format = 'json' | 'xml';

export interface GeoreportRoute {
  resource: Resource;
  format: Format | null;
  /** The path parameter: service_code, service_request_id or token. */
  param: string | null;
}

const OTHER: GeoreportRoute = { resource: 'other', format: null, param: null };

function splitFormat(path: string): { stem: string; format: Format } | undefined {
  const m = /^(.*)\.(json|xml)$/.exec(path);
  return m ? { stem: m[1] ?? '', format: m[2] as Format } : undefined;
}

export function routeOf(method: string, url: URL): GeoreportRoute {
  const path = url.pathname;
  const split = splitFormat(path);
  if (!split) return OTHER;
  const { stem, format } = split;
  if (stem === DISCOVERY_PATH) return { resource: 'discovery', format, param: null };
  if (!stem.startsWith(API_PATH)) return OTHER;
  const [head, ...rest] = stem.slice(API_PATH.length).split('/');
  const param = rest.length === 1 ? decodeURIComponent(rest[0] ?? '') : null;
  if (rest.length > 1) return OTHER;
  if (head === 'services') return { resource: param === null ? 'services' : 'definition', format, param };
  if (head === 'tokens' && param !== null) return { resource: 'token', format, param };
  if (head === 'requests' && param !== null) return { resource: 'request', format, param };
  if (head === 'requests') return { resource: method === 'POST' ? 'submit' : 'requests', format, param: null };
  return OTHER;
}
