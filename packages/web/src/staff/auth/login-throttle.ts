/**
 * The staff login throttle. Failures count under three keys, shared by every
 * process through the store: the (account, address) pair, the address, and
 * the account. No key depends on whether the account exists, so an unknown
 * e-mail is throttled exactly like a real one.
 *
 * - A pair gets `freeFailures` tries, then waits `firstDelayMs`, doubled at
 *   each further failure up to `maxDelayMs`: a stranger slows only themselves.
 * - An address with `addressLimit` failures (any accounts) waits until the
 *   oldest of them leaves the window.
 * - An account with `accountLimit` failures (spread over many addresses) is
 *   closed to addresses that have never logged in to it; addresses that have
 *   are never refused for it, so a stranger cannot lock the real user out.
 */
import { createHash } from 'node:crypto';
import type { LoginAttempts } from '@o311/store';

const MINUTE = 60_000;

export interface ThrottlePolicy {
  /** Failures older than this are forgotten. */
  windowMs: number;
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  addressLimit: number;
  accountLimit: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 60 * MINUTE,
  freeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * MINUTE,
  addressLimit: 100,
  accountLimit: 30,
};

/**
 * What is tried, each counted apart: a staff login, the current-password check
 * of the staff account page, a citizen's request for a sign-in mail (each mail
 * counts), a citizen's use of a sign-in link (each bad link counts).
 */
export interface ThrottleSubject {
  scope: 'login' | 'password-check' | 'sign-in-mail' | 'sign-in-link';
  /** The e-mail address as typed, normalised (lower case). */
  account: string;
  address: string;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

const keyOf = (...parts: string[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

export class LoginThrottle {
  readonly #attempts: LoginAttempts;
  readonly #policy: ThrottlePolicy;

  constructor(attempts: LoginAttempts, policy: ThrottlePolicy = DEFAULT_THROTTLE) {
    this.#attempts = attempts;
    this.#policy = policy;
  }

  #keys(s: ThrottleSubject) {
    return {
      pair: keyOf(s.scope, 'pair', s.account, s.address),
      address: keyOf(s.scope, 'address', s.address),
      account: keyOf(s.scope, 'account', s.account),
      // Shared by both scopes: a pair that logged in is known to the account page too.
      known: keyOf('known', s.account, s.address),
    };
  }

  /** Whether `s` may be tried at `now`: read-only, costs no hashing. */
  async verdict(s: ThrottleSubject, now: number): Promise<ThrottleVerdict> {
    const p = this.#policy;
    const k = this.#keys(s);
    const counts = await this.#attempts.countFailures([k.pair, k.address, k.account], now - p.windowMs);
    const waits: number[] = [];
    const pair = counts.get(k.pair);
    if (pair && pair.count >= p.freeFailures) {
      const delay = Math.min(p.maxDelayMs, p.firstDelayMs * 2 ** Math.min(pair.count - p.freeFailures, 30));
      waits.push(pair.last + delay - now);
    }
    const address = counts.get(k.address);
    if (address && address.count >= p.addressLimit) waits.push(address.first + p.windowMs - now);
    const account = counts.get(k.account);
    if (account && account.count >= p.accountLimit && !(await this.#attempts.isKnown(k.known))) {
      waits.push(account.first + p.windowMs - now);
    }
    const wait = Math.max(0, ...waits);
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
  }

  async failed(s: ThrottleSubject, now: number): Promise<void> {
    const k = this.#keys(s);
    await this.#attempts.recordFailure([k.pair, k.address, k.account], now, now - this.#policy.windowMs);
  }

  /** Clears the pair's back-off; the address and account counts stay (they are others' failures too). */
  async succeeded(s: ThrottleSubject, now: number): Promise<void> {
    const k = this.#keys(s);
    await this.#attempts.recordSuccess([k.pair], k.known, now);
  }
}
