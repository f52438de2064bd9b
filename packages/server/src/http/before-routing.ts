/**
 * Requests answered before Fastify routes them: for answers that need neither
 * routing nor Fastify's request, reply and hooks (a read-cache hit, a lookup
 * from the in-memory index), those were most of the cost. `take` looks at a
 * request first and returns true when it answers it (or will, asynchronously,
 * calling `route` itself should it change its mind); anything else goes to
 * Fastify as usual, and so does every request once the server is closing
 * (Fastify answers those 503). Several `take`s chain in the order added.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

export type RouteListener = (request: IncomingMessage, response: ServerResponse) => void;

export type Take = (request: IncomingMessage, response: ServerResponse, route: RouteListener) => boolean;

export function answerBeforeRouting(app: FastifyInstance, take: Take): void {
  const server = app.server;
  const listeners = server.listeners('request');
  const next = listeners[0];
  if (listeners.length !== 1 || typeof next !== 'function') throw new Error('expected one request listener (Fastify, or an earlier answerBeforeRouting)');
  const route = next as RouteListener;
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  server.removeListener('request', route);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (closing || !take(request, response, route)) route(request, response);
  });
}
