/**
 * Compressed answers. @fastify/compress handles every route; cached GET answers
 * are gzipped once and the bytes kept with the cache entry, so a busy endpoint
 * does not compress the same answer again for every client.
 */
import { gzipSync } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CachedAnswer } from './read-cache.js';

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 2048;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  // gzip/deflate only: brotli at a useful level costs too much CPU per answer for a busy endpoint.
  await app.register(compress, { global: true, encodings: ['gzip', 'deflate'], threshold: COMPRESS_FROM_BYTES });
}

/** True when the client takes gzip (`Accept-Encoding: gzip`, not `gzip;q=0`). */
export function acceptsGzip(request: FastifyRequest): boolean {
  return gzipAccepted(request.headers['accept-encoding']);
}

/** The same, from the `Accept-Encoding` header's value. */
export function gzipAccepted(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return (coding === 'gzip' || coding === 'x-gzip') && (q === undefined || Number(q) > 0);
  });
}

const gzipped = new WeakMap<CachedAnswer, Buffer>();

/** The answer's body gzipped, made on first use and kept as long as the answer is. */
export function gzippedBody(answer: CachedAnswer): Buffer {
  let bytes = gzipped.get(answer);
  if (bytes === undefined) {
    bytes = gzipSync(answer.body);
    gzipped.set(answer, bytes);
  }
  return bytes;
}
