/**
 * The default {@link Transport}: node:http/https with the network guard in the DNS
 * lookup (see guarded-lookup.ts), literal IP hosts checked before connecting, and every
 * redirect hop checked again.
 *
 * - Timeout: one deadline for the whole exchange, redirects and body included.
 * - Size: at most `maxBytes` of the decoded body are kept; the rest is not downloaded and
 *   the response says `truncated: true`. The transport does not reject, so a validator
 *   can still quote the beginning; the client rejects a truncated answer with
 *   NetworkError `too-large`.
 * - Redirects: followed by hand, at most `maxRedirects`; 301/302/303 turn a POST into a
 *   GET without body; 307/308 repeat the request as it was.
 */
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { NetworkError } from '../errors.js';
import { decodeUtf8 } from './utf8.js';
import type { Exchange, HttpMethod, HttpRequest, Transport, TransportOptions } from './exchange.js';
import { guardedLookup, systemResolver, type Resolver } from './guarded-lookup.js';
import { lowerCaseNames } from './headers.js';
import { assertPublicTarget } from './network-guard.js';
import { roundTrip, type RoundTrip, type RoundTripAnswer } from './round-trip.js';
import { literalAddress, parseTarget } from './target.js';

export type { Resolver } from './guarded-lookup.js';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'o311-client/0.1';
export const DEFAULT_ACCEPT_ENCODING = 'gzip, deflate, br';

export interface TransportDefaults extends TransportOptions {
  /** How host names become addresses (default: the system's resolver). Every address it returns is guarded. */
  resolver?: Resolver;
  /**
   * Non-public addresses to allow all the same (e.g. one known intranet range), without
   * opening every private network as `allowPrivate` does.
   */
  allowAddress?: (address: string) => boolean;
}

interface Settings {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  userAgent: string;
}

const settle = (defaults: TransportOptions, options: TransportOptions = {}): Settings => ({
  timeoutMs: options.timeoutMs ?? defaults.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  maxBytes: options.maxBytes ?? defaults.maxBytes ?? DEFAULT_MAX_BYTES,
  maxRedirects: options.maxRedirects ?? defaults.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
  allowPrivate: options.allowPrivate ?? defaults.allowPrivate ?? false,
  userAgent: options.userAgent ?? defaults.userAgent ?? DEFAULT_USER_AGENT,
});

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TO_GET = new Set([301, 302, 303]);
/** Not forwarded to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA']);

function networkError(err: unknown, url: URL): NetworkError {
  if (err instanceof NetworkError) return err;
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  const reason = err instanceof Error ? err.message : String(err);
  if (code !== undefined && DNS_FAILURES.has(code)) {
    return new NetworkError('dns', url.href, `Could not resolve ${url.hostname} (${code})`, { cause: err });
  }
  return new NetworkError('connection', url.href, `Request to ${url.href} failed: ${reason}`, { cause: err });
}

/** Separate connection pools for guarded and unguarded requests, so a kept-alive socket never crosses policies. */
class Agents {
  private readonly pools = new Map<string, http.Agent>();

  for(url: URL, allowPrivate: boolean): http.Agent {
    const key = `${url.protocol}${allowPrivate ? 'open' : 'guarded'}`;
    let agent = this.pools.get(key);
    if (agent === undefined) {
      agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
      this.pools.set(key, agent);
    }
    return agent;
  }
}

function encodeBody(body: HttpRequest['body']): Uint8Array | undefined {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

function firstTrip(request: HttpRequest, settings: Settings): RoundTrip {
  const body = encodeBody(request.body);
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: '*/*',
    'accept-encoding': DEFAULT_ACCEPT_ENCODING,
    ...lowerCaseNames(request.headers),
  };
  if (body !== undefined) headers['content-length'] = String(body.length);
  const trip: RoundTrip = { url: parseTarget(request.url), method: request.method, headers };
  if (body !== undefined) trip.body = body;
  return trip;
}

/** The request a redirect leads to, or undefined when the answer is not one to follow. */
function nextTrip(trip: RoundTrip, answer: RoundTripAnswer): RoundTrip | undefined {
  const location = answer.headers.location;
  if (!REDIRECTS.has(answer.status) || location === undefined || location === '') return undefined;
  const url = parseTarget(location, trip.url);
  const headers = { ...trip.headers };
  let method: HttpMethod = trip.method;
  let body = trip.body;
  if (TO_GET.has(answer.status) && method !== 'GET') {
    method = 'GET';
    body = undefined;
    for (const name of ['content-type', 'content-length']) delete headers[name];
  }
  if (url.origin !== trip.url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  const next: RoundTrip = { url, method, headers };
  if (body !== undefined) next.body = body;
  return next;
}

export function createTransport(defaults: TransportDefaults = {}): Transport {
  const agents = new Agents();
  const resolver = defaults.resolver ?? systemResolver;
  const allowAddress = defaults.allowAddress ?? ((): boolean => false);

  return async (request: HttpRequest, options?: TransportOptions): Promise<Exchange> => {
    const settings = settle(defaults, options);
    const started = performance.now();
    let trip = firstTrip(request, settings);
    const sent: HttpRequest = { ...request, headers: { ...trip.headers } };
    delete sent.headers?.['content-length'];

    const controller = new AbortController();
    const timer = setTimeout(() => {
      const message = `No complete answer from ${trip.url.href} within ${settings.timeoutMs} ms`;
      controller.abort(new NetworkError('timeout', trip.url.href, message));
    }, settings.timeoutMs);

    const redirects: string[] = [];
    try {
      for (;;) {
        const url = trip.url;
        const check = (address: string): void => {
          if (!settings.allowPrivate && !allowAddress(address)) assertPublicTarget(url.href, address);
        };
        const literal = literalAddress(url);
        if (literal !== undefined) check(literal);
        const answer = await roundTrip(trip, {
          agent: agents.for(url, settings.allowPrivate),
          lookup: guardedLookup(resolver, check),
          signal: controller.signal,
          maxBytes: settings.maxBytes,
        }).catch((err: unknown) => {
          throw networkError(controller.signal.aborted ? controller.signal.reason : err, url);
        });

        const next = nextTrip(trip, answer);
        if (next === undefined) {
          const { text, invalidUtf8 } = decodeUtf8(answer.bytes, answer.truncated);
          return {
            request: sent,
            response: {
              status: answer.status,
              headers: answer.headers,
              body: text,
              size: answer.bytes.length,
              truncated: answer.truncated,
              invalidUtf8,
            },
            elapsedMs: performance.now() - started,
            redirects,
          };
        }
        if (redirects.length >= settings.maxRedirects) {
          throw new NetworkError(
            'too-many-redirects',
            request.url,
            `More than ${settings.maxRedirects} redirects from ${request.url} (last to ${next.url.href})`,
          );
        }
        redirects.push(next.url.href);
        trip = next;
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
