/**
 * GET answers served through the read cache (http/read-cache.ts): the document
 * is looked up, projected and encoded once per data version, then sent from
 * memory. Every catalog, jurisdiction and request write moves the version on,
 * so an answer never outlives the data it was built from.
 */
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { CONTENT_TYPES, type Format } from '@o311/georeport';
import { answerKey } from '../http/read-cache.js';
import { sendCached } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { georeportRoute, type Contract } from './route.js';

export interface BuiltDocument {
  body: string;
  headers?: Record<string, string>;
}

/**
 * A GET route whose answers go through the read cache. A cached answer is
 * gzipped once, with its entry (http/compression.ts), so @fastify/compress's
 * hooks, which would look at every answer again, stay off these routes; so do
 * its request-decompression hooks (a GET has no body).
 */
export function cachedGeoreportRoute(contract: Contract, handler: RouteOptions['handler']): RouteOptions {
  return { ...georeportRoute(contract, handler), compress: false, decompress: false };
}

/**
 * Sends the cached answer to this URL, or builds, caches and sends it. The
 * version is read first, so an answer may be newer than its version, never
 * older. A hit reads nothing else: the jurisdiction is named in the URL (or is
 * the primary one), and any change of jurisdictions moves the version on too,
 * so `build` resolves it only on a miss (and an unknown one, a 404, is never cached).
 */
export async function sendThroughCache(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  format: Format,
  build: () => Promise<BuiltDocument>,
): Promise<FastifyReply> {
  const version = await ctx.store.dataVersion();
  const key = answerKey(ctx.origin.of(request), request.url);
  const cached = ctx.readCache.get(key, version);
  if (cached) return sendCached(request, reply, cached);
  const { body, headers = {} } = await build();
  return sendCached(request, reply, ctx.readCache.set(key, version, body, CONTENT_TYPES[format], headers));
}
