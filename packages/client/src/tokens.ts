/**
 * Waiting for a batch service's token to turn into a service_request_id (spec §7): the
 * id may take an undetermined time to appear (Chicago's own tests wait 0, 30, 60, 10…
 * seconds), so the lookup is repeated with exponential back-off and jitter.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { NetworkError } from './errors.js';

export interface PollOptions {
  /** Give up after this long (default 2 minutes). */
  timeoutMs?: number;
  /** Wait before the second lookup (the first is immediate); doubles each time (default 1 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const DEFAULT_POLL_TIMEOUT_MS = 120_000;
export const DEFAULT_POLL_INITIAL_DELAY_MS = 1_000;
export const DEFAULT_POLL_MAX_DELAY_MS = 30_000;

/**
 * `lookup` asks once and gives the id, or null while there is none. Its errors end the
 * wait (a 404 means the token is unknown, not pending). Times out with NetworkError `timeout`.
 */
export async function pollForRequestId(
  lookup: () => Promise<string | null>,
  target: { token: string; url: string },
  options: PollOptions = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  const initial = options.initialDelayMs ?? DEFAULT_POLL_INITIAL_DELAY_MS;
  const maxDelay = options.maxDelayMs ?? DEFAULT_POLL_MAX_DELAY_MS;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => wait(ms));
  const now = options.now ?? Date.now;
  const deadline = now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const id = await lookup();
    if (id !== null) return id;
    const remaining = deadline - now();
    if (remaining <= 0) {
      throw new NetworkError(
        'timeout',
        target.url,
        `Token ${target.token} gave no service_request_id within ${timeoutMs} ms (${attempt + 1} lookups)`,
      );
    }
    // Equal jitter: never less than half the back-off, so lookups do not bunch up at the start.
    const delay = Math.min(maxDelay, initial * 2 ** attempt);
    await sleep(Math.min(remaining, delay / 2 + (random() * delay) / 2));
  }
}
