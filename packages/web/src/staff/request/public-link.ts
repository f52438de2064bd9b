/** Absolute links to the public tracker page of a request (for public notes). */
import type { FastifyRequest } from 'fastify';
import type { WebContext } from '../../context.js';
import { publicBase } from '../../citizen/origin.js';

export const trackerUrl = (web: WebContext, request: FastifyRequest, id: string): string =>
  `${publicBase(web, request)}/track/${encodeURIComponent(id)}`;

/** Our own media, as the GeoReport API serves it (same origin, so allowed by the page's CSP). */
export const mediaPath = (id: string): string => `/open311/v2/media/${encodeURIComponent(id)}`;

/** A link given by a client, only if it is http(s) or a path on this site. */
export function safeHref(url: string | null): string | undefined {
  if (url === null || url === '') return undefined;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\//i.test(url) ? url : undefined;
}
