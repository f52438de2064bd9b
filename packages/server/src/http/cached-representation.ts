/**
 * What a cached answer is sent as, for a client's `Accept-Encoding` and
 * `If-None-Match`: the status, headers and body, the same whether Fastify
 * sends it (reply.ts `sendCached`) or the server does before routing
 * (cache-hits-first.ts). The header sets are made once per answer.
 */
import { COMPRESS_FROM_BYTES, gzipAccepted, gzippedBody } from './compression.js';
import type { CachedAnswer } from './read-cache.js';

export interface Representation {
  status: 200 | 304;
  headers: Readonly<Record<string, string>>;
  /** Absent for a 304. */
  body?: Buffer;
}

interface Variant {
  etag: string;
  /** For a 304: the validators and caching headers only. */
  unchanged: Readonly<Record<string, string>>;
  full: Readonly<Record<string, string>>;
}

interface Variants {
  identity: Variant;
  gzip: Variant;
}

const variants = new WeakMap<CachedAnswer, Variants>();

function variant(answer: CachedAnswer, gzip: boolean): Variant {
  // Each representation has its own entity tag.
  const etag = gzip ? answer.etag.replace(/"$/, '-gzip"') : answer.etag;
  const unchanged = { ...answer.headers, etag, 'cache-control': 'no-cache', vary: 'accept-encoding' };
  const full = { ...unchanged, 'content-type': answer.contentType, ...(gzip ? { 'content-encoding': 'gzip' } : {}) };
  return { etag, unchanged, full };
}

function variantsOf(answer: CachedAnswer): Variants {
  let v = variants.get(answer);
  if (v === undefined) {
    v = { identity: variant(answer, false), gzip: variant(answer, true) };
    variants.set(answer, v);
  }
  return v;
}

const holds = (ifNoneMatch: string, etag: string): boolean =>
  ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

export function representationOf(
  answer: CachedAnswer,
  acceptEncoding: string | undefined,
  ifNoneMatch: string | undefined,
): Representation {
  const gzip = answer.body.length >= COMPRESS_FROM_BYTES && gzipAccepted(acceptEncoding);
  const v = gzip ? variantsOf(answer).gzip : variantsOf(answer).identity;
  if (ifNoneMatch !== undefined && holds(ifNoneMatch, v.etag)) return { status: 304, headers: v.unchanged };
  return { status: 200, headers: v.full, body: gzip ? gzippedBody(answer) : answer.body };
}
