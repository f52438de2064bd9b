/** Sending GeoReport bodies: already encoded by @o311/georeport, with the exact content type. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONTENT_TYPES, type Format } from '@o311/georeport';
import { representationOf } from './cached-representation.js';
import type { CachedAnswer } from './read-cache.js';

export function sendDocument(reply: FastifyReply, format: Format, body: string, status = 200): FastifyReply {
  return reply.code(status).header('content-type', CONTENT_TYPES[format]).send(body);
}

/** A cached answer, or 304 when the client already holds it (`If-None-Match`). */
export function sendCached(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  const r = representationOf(answer, request.headers['accept-encoding'], request.headers['if-none-match']);
  // A gzipped body carries its Content-Encoding, so @fastify/compress (on routes that have it) leaves it alone.
  reply.code(r.status).headers(r.headers);
  return r.body === undefined ? reply.send() : reply.send(r.body);
}

/** Query parameters as Fastify parsed them: repeated keys become arrays. */
export type RawQuery = Readonly<Record<string, string | string[] | undefined>>;

export function rawQuery(request: FastifyRequest): RawQuery {
  const q: unknown = request.query;
  if (q === null || typeof q !== 'object') return {};
  const out: Record<string, string | string[] | undefined> = {};
  for (const [k, v] of Object.entries(q)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(String);
  }
  return out;
}

/** First non-empty value of a query parameter (an empty parameter counts as absent). */
export function queryValue(q: RawQuery, name: string): string | undefined {
  const v = q[name];
  const first = Array.isArray(v) ? v.find((x) => x !== '') : v;
  return first === '' ? undefined : first;
}

/** A path parameter as a string. */
export function pathParam(request: FastifyRequest, name: string): string {
  const p: unknown = request.params;
  if (p !== null && typeof p === 'object') {
    const v: unknown = (p as Record<string, unknown>)[name];
    if (typeof v === 'string') return v;
  }
  return '';
}
