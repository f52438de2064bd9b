/**
 * Sending an open-data file: an ETag from the data version (so an unchanged
 * file is a 304 without reading a row), a download name, and the body as a
 * stream. @fastify/compress pipes a stream through gzip as it comes, so a
 * compressed answer still streams.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context.js';

export interface FileAnswer {
  contentType: string;
  /** The download's name (letters, digits, `.`, `-`, `_`; anything else becomes `_`). */
  fileName: string;
  body: () => Readable;
}

const safeName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_');

const holds = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

/** The validator of this URL's answer at the current data version. */
export async function openDataEtag(ctx: ServiceContext, request: FastifyRequest): Promise<string> {
  const version = await ctx.store.dataVersion();
  const digest = createHash('sha1').update(`${version}\n${ctx.origin.of(request)}${request.url}`).digest('base64url');
  return `"od-${digest}"`;
}

export const OPEN_DATA_HEADERS = {
  // Public data: any site may read it.
  'access-control-allow-origin': '*',
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
} as const;

export async function sendFile(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply, answer: FileAnswer): Promise<FastifyReply> {
  const etag = await openDataEtag(ctx, request);
  reply.headers({ ...OPEN_DATA_HEADERS, etag, vary: 'accept-encoding' });
  if (holds(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply
    .code(200)
    .header('content-type', answer.contentType)
    .header('content-disposition', `attachment; filename="${safeName(answer.fileName)}"`)
    .send(answer.body());
}
