/**
 * Spacing of calls to one external service: at most one start per interval
 * (Nominatim's usage policy asks for one request a second). A call that would
 * have to wait longer than `maxWaitMs` is refused at once instead of queued,
 * so a burst of reporters never piles up requests waiting on the service.
 */
import { GeocoderError } from './errors.js';

export interface ThrottleOptions {
  intervalMs: number;
  maxWaitMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Throttle {
  readonly #o: Required<ThrottleOptions>;
  /** When the next call may start, epoch ms. */
  #next = 0;

  constructor(o: ThrottleOptions) {
    this.#o = { now: Date.now, sleep: realSleep, ...o };
  }

  /** Waits for this call's turn; a GeocoderError('rate-limited') when it is too far off. */
  async turn(): Promise<void> {
    const now = this.#o.now();
    const start = Math.max(now, this.#next);
    if (start - now > this.#o.maxWaitMs) throw new GeocoderError('rate-limited', 'the external geocoder is asked at most once a second; try again shortly');
    this.#next = start + this.#o.intervalMs;
    if (start > now) await this.#o.sleep(start - now);
  }
}
