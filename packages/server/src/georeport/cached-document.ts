/**
 * GET answers served through the read cache (http/read-cache.ts): the document
 * is looked up, projected and encoded once per data version, then sent from
 * memory. Every catalog, jurisdiction and request write moves the version on,
 * so an answer never outlives the data it was built from.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONTENT_TYPES, type Format } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import { sendCached } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';

export interface BuiltDocument {
  body: string;
  headers?: Record<string, string>;
}

/**
 * Sends the cached answer to this URL, or builds, caches and sends it.
 * `resolve` finds the jurisdiction(s) the answer is about AFTER the version is
 * read (an answer may be newer than its version, never older); its result is
 * part of the key, so a change of primary jurisdiction never serves another's answer.
 */
export async function sendThroughCache<T>(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  format: Format,
  resolve: () => Promise<T>,
  scope: (resolved: T) => string,
  build: (resolved: T) => Promise<BuiltDocument>,
): Promise<FastifyReply> {
  const version = await ctx.store.dataVersion();
  const resolved = await resolve();
  const key = `${format} ${scope(resolved)} ${ctx.origin.of(request)} ${request.url}`;
  const cached = ctx.readCache.get(key, version);
  if (cached) return sendCached(request, reply, cached);
  const { body, headers = {} } = await build(resolved);
  return sendCached(request, reply, ctx.readCache.set(key, version, body, CONTENT_TYPES[format], headers));
}

/** The scope of an answer about one jurisdiction. */
export const jurisdictionScope = (j: Jurisdiction): string => j.id;
