/**
 * How the monitor reaches the endpoints this server serves itself (registry
 * endpoints marked local, without a base URL): through the app's own GeoReport
 * routes with Fastify's `inject`, never over the network. They are polled at a
 * fixed internal base URL (under `.invalid`, which never resolves), which only
 * this transport answers; every other URL goes to the network transport.
 * Validator runs of this server's own public URL go the same way, answered
 * at its public origin (validation/own-endpoint.ts).
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_ACCEPT_ENCODING, NetworkError, receiveBody, type Exchange, type HttpRequest, type Transport, type TransportOptions,
} from '@o311/client';

/** Where local endpoints are polled; GeoReport's routes live under /open311/v2/. */
export const LOCAL_ORIGIN = 'http://o311-local.invalid';
export const LOCAL_BASE_URL = `${LOCAL_ORIGIN}/open311/v2/`;

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const headerText = (value: string | string[] | number | undefined): string =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '');

function invalidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/**
 * Answers requests to `origin` (default LOCAL_ORIGIN) with `app.inject`, bounded in time and bytes as the network
 * transport is. With `ready`, no request is injected before it settles: an inject starts an app that is not ready
 * yet, and one still being built (a job taken while its routes are added) would then refuse the rest of its routes.
 */
export function injectTransport(app: Pick<FastifyInstance, 'inject'>, origin: string = LOCAL_ORIGIN, ready?: Promise<void>): Transport {
  return async (request: HttpRequest, options: TransportOptions = {}): Promise<Exchange> => {
    const url = new URL(request.url);
    if (url.origin !== origin) throw new NetworkError('bad-url', request.url, `${request.url} is not served by this o311 server`);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NetworkError('timeout', request.url, `No whole answer from ${request.url} within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      if (ready) await Promise.race([ready, deadline]);
      const answer = await Promise.race([
        app.inject({
          method: request.method,
          // Path and query only: the Host stays inject's own, links in the answer are not read.
          url: `${url.pathname}${url.search}`,
          // As the network transport asks, so that the answer (compression included) is the one a client gets.
          headers: { 'accept-encoding': DEFAULT_ACCEPT_ENCODING, ...request.headers },
          ...(request.body !== undefined && { payload: typeof request.body === 'string' ? request.body : Buffer.from(request.body) }),
        }),
        deadline,
      ]);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers)) headers[name.toLowerCase()] = headerText(value);
      const sent = (async function* () {
        yield answer.rawPayload;
      })();
      const { bytes, truncated } = await receiveBody(sent, headers['content-encoding'], maxBytes);
      const kept = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return {
        request,
        response: { status: answer.statusCode, headers, body: kept.toString('utf8'), size: kept.length, truncated, invalidUtf8: invalidUtf8(kept) },
        elapsedMs: performance.now() - started,
        redirects: [],
      };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** URLs of `origin` (default LOCAL_ORIGIN) through `local`, every other one through `network` (the client's guarded transport). */
export const splitTransport = (local: Transport, network: Transport, origin: string = LOCAL_ORIGIN): Transport => (request, options) =>
  request.url.startsWith(`${origin}/`) ? local(request, options) : network(request, options);
