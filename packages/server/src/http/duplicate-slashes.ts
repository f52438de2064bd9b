/**
 * Duplicate slashes in GeoReport paths. The SeeClickFix validator joins the
 * discovery document's endpoint `url`, which rightly ends in `/`, with
 * `/services.xml`, and asks for `/open311/v2//services.xml`.
 */
import type { IncomingMessage } from 'node:http';
import { isGeoreportUrl, pathOf } from './format.js';

/**
 * The URL with runs of `/` in its path collapsed when the path lies under
 * `/open311/`; any other URL, and every query string, exactly as sent.
 */
export function collapseGeoreportSlashes(url: string): string {
  const path = pathOf(url);
  if (!path.includes('//')) return url;
  const collapsed = path.replace(/\/{2,}/g, '/');
  return isGeoreportUrl(collapsed) ? `${collapsed}${url.slice(path.length)}` : url;
}

/**
 * Fastify's `rewriteUrl`: runs before routing, so the route, `request.url` and
 * every link built from it (paging, cache keys) see the canonical path.
 */
export const canonicalGeoreportUrl = (request: IncomingMessage): string => collapseGeoreportSlashes(request.url ?? '/');
