/**
 * CORS for the public GeoReport API: any origin may read it (it is public data)
 * and may POST (an api_key, not a cookie, authorises that). The staff API gets no
 * CORS headers: it is served to the same origin only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isGeoreportUrl } from './format.js';

/** Response headers a browser client may read (paging extension, the date window answered). */
export const EXPOSED_HEADERS = [
  'Link', 'X-Total-Count', 'X-Page', 'X-Page-Size', 'X-Page-Count', 'X-Open311-Window', 'X-Open311-Missing-Endpoints', 'Retry-After',
];

/** The CORS headers of every GeoReport answer. */
export const GEOREPORT_CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
};

/** Adds the CORS headers when the request is for the GeoReport API. */
export function applyCorsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (isGeoreportUrl(request.url)) reply.headers(GEOREPORT_CORS_HEADERS);
}

export function registerCors(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs for every answer, and a promise per answer costs more than the headers.
  app.addHook('onSend', (request, reply, payload, done) => {
    applyCorsHeaders(request, reply);
    done(null, payload);
  });

  for (const prefix of ['/open311', '/federated/open311']) {
    app.options(`${prefix}/*`, { schema: { hide: true } }, async (request, reply) => {
      const asked = request.headers['access-control-request-headers'];
      return reply
        .code(204)
        .header('access-control-allow-methods', 'GET, HEAD, POST, OPTIONS')
        .header('access-control-allow-headers', typeof asked === 'string' && asked ? asked : 'Content-Type')
        .header('access-control-max-age', '86400')
        .send();
    });
  }
}
