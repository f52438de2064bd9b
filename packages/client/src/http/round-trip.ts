/** One HTTP request and its whole (capped, decoded) answer; redirects are the transport's business. */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { receiveBody } from './body.js';
import type { HttpMethod } from './exchange.js';
import { headerRecord } from './headers.js';

export interface RoundTrip {
  url: URL;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export interface RoundTripContext {
  agent: http.Agent;
  lookup: LookupFunction;
  /** Aborting destroys the request with the signal's reason. */
  signal: AbortSignal;
  maxBytes: number;
}

export interface RoundTripAnswer {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
  truncated: boolean;
}

/** Rejects with whatever Node reports (or the abort reason); the transport names it. */
export async function roundTrip(trip: RoundTrip, ctx: RoundTripContext): Promise<RoundTripAnswer> {
  const abortReason = (): Error => (ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted'));
  ctx.signal.throwIfAborted();
  let request: http.ClientRequest | undefined;
  const abort = (): void => {
    request?.destroy(abortReason());
  };
  ctx.signal.addEventListener('abort', abort, { once: true });
  try {
    return await new Promise<RoundTripAnswer>((resolve, reject) => {
      const client = trip.url.protocol === 'https:' ? https : http;
      const options: http.RequestOptions = { method: trip.method, headers: trip.headers, agent: ctx.agent, lookup: ctx.lookup };
      const req = client.request(trip.url, options, (response) => {
        receiveBody(response, response.headers['content-encoding'], ctx.maxBytes).then((body) => {
          if (body.truncated) req.destroy();
          resolve({ status: response.statusCode ?? 0, headers: headerRecord(response.rawHeaders), ...body });
        }, reject);
      });
      request = req;
      req.on('error', reject);
      req.end(trip.body);
    });
  } finally {
    ctx.signal.removeEventListener('abort', abort);
  }
}
