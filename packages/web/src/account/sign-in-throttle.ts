/**
 * Bounds on sign-in, with the staff login throttle's mechanism (shared counts
 * in the store, keys that never depend on whether an account exists):
 *
 * - mail: every requested link counts under (address, client), the client and
 *   the address. Three links an hour per pair come at once, then the pair
 *   waits a minute, doubled at each further one; a client gets 30 an hour; an
 *   address gets 10 an hour from clients that never signed in to it (a
 *   stranger cannot fill someone's mailbox, nor lock them out).
 * - links: every unusable link a client presents counts; after ten, the client
 *   waits a second, doubled each time (secrets cannot be guessed, but trying
 *   costs us a query each).
 */
import type { WebContext } from '../context.js';
import { LoginThrottle, type ThrottlePolicy, type ThrottleVerdict } from '../staff/auth/login-throttle.js';

const MINUTE = 60_000;

export const MAIL_POLICY: ThrottlePolicy = {
  windowMs: 60 * MINUTE,
  freeFailures: 3,
  firstDelayMs: MINUTE,
  maxDelayMs: 15 * MINUTE,
  addressLimit: 30,
  accountLimit: 10,
};

export const LINK_POLICY: ThrottlePolicy = {
  windowMs: 60 * MINUTE,
  freeFailures: 10,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * MINUTE,
  addressLimit: 100,
  // Links are not tried per account: the account key is the same for every client.
  accountLimit: Number.MAX_SAFE_INTEGER,
};

export class SignInThrottle {
  readonly #mail: LoginThrottle;
  readonly #links: LoginThrottle;
  readonly #now: () => number;

  constructor(web: WebContext) {
    this.#mail = new LoginThrottle(web.services.store.loginAttempts, MAIL_POLICY);
    this.#links = new LoginThrottle(web.services.store.loginAttempts, LINK_POLICY);
    this.#now = web.services.now;
  }

  /** Counts a mail for the address asked from `client`, unless the bounds refuse it. */
  async takeMail(email: string, client: string): Promise<ThrottleVerdict> {
    const subject = { scope: 'sign-in-mail', account: email, address: client } as const;
    const now = this.#now();
    const verdict = await this.#mail.verdict(subject, now);
    if (verdict.allowed) await this.#mail.failed(subject, now);
    return verdict;
  }

  /** Whether `client` may present a link now. */
  linkVerdict(client: string): Promise<ThrottleVerdict> {
    return this.#links.verdict({ scope: 'sign-in-link', account: '', address: client }, this.#now());
  }

  async badLink(client: string): Promise<void> {
    await this.#links.failed({ scope: 'sign-in-link', account: '', address: client }, this.#now());
  }

  /** A sign-in from `client`: the pair's mail back-off is cleared and the client is known to the address. */
  async signedIn(email: string, client: string): Promise<void> {
    await this.#mail.succeeded({ scope: 'sign-in-mail', account: email, address: client }, this.#now());
  }
}
