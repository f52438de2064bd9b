/** Shared pieces of the discovery API's operation files (`/discovery/v1/`). */
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { badRequest, isFormat, type Format } from '@o311/georeport';
import { pathOf } from '../http/format.js';
import { sendFailure, toFailure } from '../http/errors.js';
import type { ServiceContext } from '../services/context.js';
import type { Contract } from '../georeport/route.js';
import { documentationOnly } from '../georeport/schemas.js';
import type { PointDiscovery } from './point-discovery.js';

export const DISCOVERY_BASE = '/discovery/v1';

/** What every operation works with: the server's context and its point lookups. */
export interface DiscoveryApi {
  ctx: ServiceContext;
  points: PointDiscovery;
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** Errors in the format the URL asked for (JSON for `.geojson` and anything unknown). */
const errorFormatOf = (url: string): Format => (/\.xml$/i.test(pathOf(url)) ? 'xml' : 'json');

/**
 * A route from its contract and handler. Input is checked by the handler (the
 * schema documents it); failures are answered as Open311 error lists in the
 * request's format. Any origin may read the registry (public data, no cookies).
 */
export function discoveryRoute(contract: Contract, ctx: ServiceContext, handler: Handler, extra: Partial<RouteOptions> = {}): RouteOptions {
  return {
    ...contract,
    ...extra,
    validatorCompiler: documentationOnly,
    async handler(request, reply) {
      reply.header('access-control-allow-origin', '*');
      try {
        return await handler(request, reply);
      } catch (err) {
        const failure = toFailure(err, request, ctx.limits);
        if (failure === undefined || failure.status >= 500) throw err;
        return sendFailure(reply, failure, errorFormatOf(request.url));
      }
    },
  };
}

/** For routes that send with sendCached: the answer is gzipped once, with it, so @fastify/compress stays off. */
export const NOT_RECOMPRESSED: Partial<RouteOptions> = { compress: false, decompress: false };

/** The format extension; an unknown one is bad input (400). */
export function discoveryFormat(extension: string): Format {
  const lower = extension.toLowerCase();
  if (!isFormat(lower)) throw badRequest(`Format '${extension}' is not supported; use .json or .xml.`);
  return lower;
}

/** `name.ext` split at the last dot. */
export function splitFile(file: string): { name: string; extension: string } {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? { name: file, extension: '' } : { name: file.slice(0, dot), extension: file.slice(dot + 1) };
}
