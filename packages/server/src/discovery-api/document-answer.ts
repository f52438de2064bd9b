/**
 * An encoded document as an answer sendCached can send (http/reply.ts): with
 * its entity tag (a 304 for a client that holds it) and, once asked for,
 * its gzipped bytes kept with it. Built like the read cache's entries.
 */
import { createHash } from 'node:crypto';
import { CONTENT_TYPES, type Format } from '@o311/georeport';
import type { CachedAnswer } from '../http/read-cache.js';

export function documentAnswer(body: string, format: Format): CachedAnswer {
  const bytes = Buffer.from(body, 'utf8');
  return { body: bytes, contentType: CONTENT_TYPES[format], headers: {}, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
}
