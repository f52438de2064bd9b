/**
 * Every HTTP call of a run goes through here: GETs are memoised by URL (and
 * headers), so checks share one fetch of each resource; at most a few calls are
 * in flight; every outcome is logged for the transport and performance checks.
 */
import { NetworkError, type Exchange, type HttpRequest, type Transport, type TransportOptions } from '@o311/client';
import { createLimiter, type Limiter } from './limiter.js';

export interface FetchFailure {
  request: HttpRequest;
  message: string;
  /** NetworkError kind ('timeout', 'private-address', …), or null for anything else. */
  kind: string | null;
}

/** `seq` orders calls by when they were sent (for "any later GET" checks). */
export type Fetched =
  | { ok: true; exchange: Exchange; seq: number }
  | { ok: false; failure: FetchFailure; seq: number };

export const MAX_CONCURRENT_CALLS = 4;

export class Fetcher {
  readonly #transport: Transport;
  readonly #options: TransportOptions;
  readonly #limit: Limiter = createLimiter(MAX_CONCURRENT_CALLS);
  readonly #cache = new Map<string, Promise<Fetched>>();
  readonly #log: Fetched[] = [];
  #seq = 0;

  constructor(transport: Transport, options: TransportOptions) {
    this.#transport = transport;
    this.#options = options;
  }

  /** GET, fetched once per run for each distinct URL and header set. */
  get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
    const key = `${url}\n${JSON.stringify(headers)}`;
    let pending = this.#cache.get(key);
    if (pending === undefined) {
      pending = this.send({ method: 'GET', url, headers });
      this.#cache.set(key, pending);
    }
    return pending;
  }

  /** One call, never memoised (POSTs, and GETs that must be fresh). */
  send(request: HttpRequest): Promise<Fetched> {
    return this.#limit(async () => {
      const seq = ++this.#seq;
      let fetched: Fetched;
      try {
        fetched = { ok: true, exchange: await this.#transport(request, this.#options), seq };
      } catch (e) {
        const kind = e instanceof NetworkError ? e.kind : null;
        fetched = { ok: false, failure: { request, message: e instanceof Error ? e.message : String(e), kind }, seq };
      }
      this.#log.push(fetched);
      return fetched;
    });
  }

  /** Calls completed so far, in completion order. */
  get log(): readonly Fetched[] {
    return this.#log;
  }

  /** The sequence number the next call will get. */
  get nextSeq(): number {
    return this.#seq + 1;
  }
}
