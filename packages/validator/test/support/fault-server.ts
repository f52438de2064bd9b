/**
 * The fault server: the real o311 (demo city, fresh database) behind a loopback
 * HTTP front that applies at most one {@link Fault} at a time to what goes in
 * and what comes out. With no fault on, it is o311 as deployed.
 *
 *   const server = await startFaultServer('sqlite');
 *   server.use(fault);          // or null
 *   await validate({ url: server.discoveryUrl, write: true, apiKey: server.apiKey, allowPrivate: true });
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FastifyInstance } from '@o311/server';
import type { TestDialect } from '../../../../test-support/databases.js';
import type { FrontAnswer, FrontHandler, FrontRequest } from './exchange.js';
import type { Fault } from './fault.js';
import { routeOf } from './georeport-route.js';
import { startHttpFront } from './http-front.js';
import { createO311, discoveryUrlOf } from './o311-server.js';

export interface FaultServer {
  /** `http://127.0.0.1:PORT` (the front; o311 itself does not listen). */
  origin: string;
  discoveryUrl: string;
  apiKey: string;
  /** Turns one fault on; `null` turns faults off. */
  use(fault: Fault | null): void;
  close(): Promise<void>;
}

const DECODERS: Readonly<Record<string, (body: Buffer) => Buffer>> = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync };

/**
 * o311's answer as plain bytes: faults rewrite text, so a compressed body is decoded
 * (and its content-encoding dropped) before any fault sees it; the front sends it as is.
 */
function decoded(answer: FrontAnswer): FrontAnswer {
  const { 'content-encoding': encoding, ...headers } = answer.headers;
  const decode = encoding === undefined ? undefined : DECODERS[encoding.trim().toLowerCase()];
  return decode === undefined ? answer : { ...answer, headers, body: decode(answer.body) };
}

async function inject(app: FastifyInstance, request: FrontRequest): Promise<FrontAnswer> {
  const res = await app.inject({
    method: request.method as 'GET' | 'POST',
    url: `${request.url.pathname}${request.url.search}`,
    headers: request.headers,
    payload: request.body.length > 0 ? request.body : undefined,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return decoded({ status: res.statusCode, headers, body: res.rawPayload });
}

const handlerFor = (app: FastifyInstance, fault: Fault | null): FrontHandler => async (incoming) => {
  const route = routeOf(incoming.method, incoming.url);
  const request = fault?.request ? fault.request(incoming, route) : incoming;
  const upstream = (r: FrontRequest): Promise<FrontAnswer> => inject(app, r);
  const answer = await (fault?.exchange ? fault.exchange(request, route, upstream) : upstream(request));
  return fault?.response ? fault.response(answer, route, request) : answer;
};

export async function startFaultServer(dialect: TestDialect = 'sqlite'): Promise<FaultServer> {
  const front = await startHttpFront(() => Promise.reject(new Error('starting')));
  try {
    const o311 = await createO311(dialect, { publicUrl: front.origin });
    front.handle(handlerFor(o311.app, null));
    return {
      origin: front.origin,
      discoveryUrl: discoveryUrlOf(front.origin),
      apiKey: o311.apiKey,
      use: (fault) => front.handle(handlerFor(o311.app, fault)),
      async close() {
        await front.close();
        await o311.close();
      },
    };
  } catch (e) {
    await front.close();
    throw e;
  }
}
