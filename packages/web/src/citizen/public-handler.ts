/** Route handlers of the public pages: a missing jurisdiction, service or request is the friendly 404 page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import type { WebContext } from '../context.js';
import { translatorFor } from '../request-locale.js';
import { NoJurisdictionError } from './jurisdiction.js';
import { sendNotFound } from './not-found.js';

export type PublicHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

export const pathAndQuery = (request: FastifyRequest): string => request.url;

export function publicHandler(web: WebContext, handle: PublicHandler): PublicHandler {
  return async (request, reply) => {
    try {
      return await handle(request, reply);
    } catch (e) {
      if (e instanceof NoJurisdictionError || (isOpen311Failure(e) && e.status === 404)) {
        return sendNotFound(reply, web, translatorFor(request, reply), pathAndQuery(request));
      }
      throw e;
    }
  };
}

/** A path or query parameter as a string ('' when absent). */
export function param(source: unknown, name: string): string {
  if (source === null || typeof source !== 'object') return '';
  const v: unknown = (source as Record<string, unknown>)[name];
  if (typeof v === 'string') return v;
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}
