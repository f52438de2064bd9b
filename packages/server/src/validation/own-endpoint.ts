/**
 * This server's own GeoReport endpoint as a validator target: a URL on the
 * server's public origin (its configured public URL, or the address it
 * listens on; never a request's Host header, which anyone writes) is answered
 * in process through the app's own routes, the way the monitor polls local
 * endpoints (monitor/local-transport.ts), so it needs neither the network nor
 * --allow-private-endpoints. Another port or path on a loopback host is not
 * this server and stays refused.
 */
import type { FastifyInstance } from 'fastify';
import type { Transport } from '@o311/client';
import type { PublicOrigin } from '../http/public-origin.js';
import { injectTransport, splitTransport } from '../monitor/local-transport.js';

/** The origin this server answers at in process, when its public URL has no path of its own (a path prefix would not reach the app's routes as such). */
export function ownOrigin(origin: Pick<PublicOrigin, 'announced'>): string | null {
  if (!URL.canParse(origin.announced)) return null;
  const u = new URL(origin.announced);
  return u.pathname === '/' || u.pathname === '' ? u.origin : null;
}

/** Whether `url` is on this server's own public origin. */
export function isOwnUrl(origin: Pick<PublicOrigin, 'announced'>, url: string): boolean {
  const own = ownOrigin(origin);
  return own !== null && URL.canParse(url) && new URL(url).origin === own;
}

/** This server's own GeoReport base URL, as a run's example target. */
export const ownEndpointUrl = (origin: Pick<PublicOrigin, 'announced'>): string => `${origin.announced}/open311/v2/`;

/** `network`, except that URLs of this server's public origin (read at each call: it is known once the server listens) are answered by the app in process. */
export function withOwnEndpoint(app: Pick<FastifyInstance, 'inject'>, origin: Pick<PublicOrigin, 'announced'>, network: Transport): Transport {
  return (request, options) => {
    const own = ownOrigin(origin);
    return own === null ? network(request, options) : splitTransport(injectTransport(app, own), network, own)(request, options);
  };
}
