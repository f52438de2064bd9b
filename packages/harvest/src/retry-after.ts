/** How long an endpoint that answered 429 or 503 asked to be left alone. */
import { Open311Error } from '@o311/client';

/** Retry-After as ms from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export const isBusy = (err: unknown): err is Open311Error => err instanceof Open311Error && (err.status === 429 || err.status === 503);

/** What to wait after the `attempt`-th busy answer (from 0): the Retry-After, else 2, 4, 8… seconds. */
export const busyWaitMs = (err: Open311Error, attempt: number, now: number): number =>
  retryAfterMs(err.exchange.response.headers['retry-after'], now) ?? 2000 * 2 ** attempt;
