/**
 * Retries for idempotent calls: exponential back-off with full jitter (a random wait
 * between 0 and base·2^attempt, capped) after a timeout or failed connection, a 429 or
 * a 5xx. A Retry-After is honoured when it is within `maxRetryAfterMs`; a longer one
 * ends the retries (the answer is returned as it came). POSTs never come here.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { NetworkError, type NetworkErrorKind } from './errors.js';
import type { Exchange } from './http/exchange.js';

export interface Backoff {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  /** In [0, 1). */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_BACKOFF: Readonly<Backoff> = Object.freeze({
  retries: 2,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
  sleep: (ms: number) => wait(ms),
});

const RETRYABLE_KINDS: ReadonlySet<NetworkErrorKind> = new Set(['timeout', 'connection']);

export const isRetryableError = (err: unknown): boolean => err instanceof NetworkError && RETRYABLE_KINDS.has(err.kind);

/** 429 and 5xx, except 501 Not Implemented, which will not change. */
export const isRetryableStatus = (status: number): boolean => status === 429 || (status >= 500 && status !== 501);

/** Full jitter: uniform in [0, min(max, base·2^attempt)); `attempt` counts from 0. */
export function jitterDelay(attempt: number, b: Pick<Backoff, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  return b.random() * Math.min(b.maxDelayMs, b.baseDelayMs * 2 ** attempt);
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export async function sendWithRetries(send: () => Promise<Exchange>, options: Partial<Backoff> = {}): Promise<Exchange> {
  const b: Backoff = { ...DEFAULT_BACKOFF, ...options };
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= b.retries;
    let exchange: Exchange;
    try {
      exchange = await send();
    } catch (err) {
      if (last || !isRetryableError(err)) throw err;
      await b.sleep(jitterDelay(attempt, b));
      continue;
    }
    if (last || !isRetryableStatus(exchange.response.status)) return exchange;
    const asked = retryAfterMs(exchange.response.headers['retry-after']);
    if (asked !== undefined && asked > b.maxRetryAfterMs) return exchange;
    await b.sleep(asked ?? jitterDelay(attempt, b));
  }
}
