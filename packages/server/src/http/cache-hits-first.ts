/**
 * Read-cache hits answered before Fastify routes the request (before-routing.ts). A cached GET
 * answer depends only on its key (the links' origin and the URL) and the data
 * version (cached-document.ts), so a hit needs neither routing nor the
 * request and reply objects and hooks Fastify makes for it; on the service
 * list these were most of the cost of an answer. Anything else — another
 * method, an uncached URL, a stale entry, a failed version read — goes to
 * Fastify as usual, which then builds and caches the answer.
 *
 * Only GeoReport URLs are looked up: their answers have no hook-made headers
 * but CORS (added here the same way) and set no cookie. Not used when the app
 * logs requests, since these would not be logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { FastifyInstance } from 'fastify';
import { representationOf, type Representation } from './cached-representation.js';
import { GEOREPORT_CORS_HEADERS } from './cors.js';
import { collapseGeoreportSlashes } from './duplicate-slashes.js';
import { isGeoreportUrl } from './format.js';
import type { PublicOrigin } from './public-origin.js';
import { answerKey, type ReadCache } from './read-cache.js';
import { answerBeforeRouting, type RouteListener } from './before-routing.js';

export interface CacheHitsFirstOptions {
  cache: ReadCache;
  /** The store's data version, read after the request arrived (as cached-document.ts reads it). */
  dataVersion: () => Promise<string>;
  origin: PublicOrigin;
}

/**
 * A representation's headers with CORS and the length, as the flat list
 * `writeHead` takes, made once per representation (an object spread per
 * answer cost a tenth of the answer).
 */
const rawHeaders = new WeakMap<Representation['headers'], string[]>();

function rawHeadersOf(r: Representation): string[] {
  let raw = rawHeaders.get(r.headers);
  if (raw === undefined) {
    const length = r.body === undefined ? {} : { 'content-length': String(r.body.length) };
    raw = Object.entries({ ...r.headers, ...GEOREPORT_CORS_HEADERS, ...length }).flat();
    rawHeaders.set(r.headers, raw);
  }
  return raw;
}

export function answerCacheHitsFirst(app: FastifyInstance, o: CacheHitsFirstOptions): void {
  /** The key of the entry kept for this request, if it is a GET the cache may answer. */
  const keyOf = (request: IncomingMessage): string | undefined => {
    if (request.method !== 'GET') return undefined;
    const url = collapseGeoreportSlashes(request.url ?? '/');
    if (!isGeoreportUrl(url)) return undefined;
    const protocol = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
    const key = answerKey(o.origin.forHost(request.headers.host, protocol), url);
    return o.cache.has(key) ? key : undefined;
  };

  const answer = (request: IncomingMessage, response: ServerResponse, route: RouteListener, key: string, version: string): void => {
    const cached = o.cache.get(key, version);
    if (!cached) return route(request, response);
    const r = representationOf(cached, request.headers['accept-encoding'], request.headers['if-none-match']);
    response.writeHead(r.status, rawHeadersOf(r));
    response.end(r.body);
  };

  answerBeforeRouting(app, (request, response, route) => {
    const key = keyOf(request);
    if (key === undefined) return false;
    o.dataVersion().then(
      (version) => answer(request, response, route, key, version),
      () => route(request, response),
    );
    return true;
  });
}
