/** How long an endpoint that answered 429 or 503 asked to be left alone. */
import { Open311Error, retryAfterMs } from '@o311/client';

export const isBusy = (err: unknown): err is Open311Error => err instanceof Open311Error && (err.status === 429 || err.status === 503);

/** What to wait after the `attempt`-th busy answer (from 0): the Retry-After, else 2, 4, 8… seconds. */
export const busyWaitMs = (err: Open311Error, attempt: number, now: number): number =>
  retryAfterMs(err.exchange.response.headers['retry-after'], now) ?? 2000 * 2 ** attempt;
