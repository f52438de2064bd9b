import { gunzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, gzippedBody } from './compression.js';
import type { CachedAnswer } from './read-cache.js';

const asking = (acceptEncoding: string | undefined): FastifyRequest =>
  ({ headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }) as FastifyRequest;

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['deflate, GZIP;q=0.5', true],
    ['x-gzip', true],
    ['gzip;q=0', false],
    ['deflate', false],
    ['identity', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(asking(header))).toBe(expected);
  });
});

describe('gzippedBody', () => {
  it('compresses an answer once and keeps the bytes with it', () => {
    const answer: CachedAnswer = { body: Buffer.from('x'.repeat(10_000)), contentType: 'text/plain', headers: {}, etag: '"e"' };
    const first = gzippedBody(answer);
    expect(gzippedBody(answer)).toBe(first);
    expect(gunzipSync(first).equals(answer.body)).toBe(true);
    expect(first.length).toBeLessThan(answer.body.length);
  });
});
