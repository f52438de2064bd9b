/**
 * One login attempt. The throttle decides first (no hashing when it refuses),
 * then exactly one password check runs whatever the account: the real hash
 * for an active account, a dummy otherwise, so unknown, inactive and wrong
 * answer alike, as fast. Failures count towards the throttle and are audited.
 */
import type { StaffSession, StaffUser } from '@o311/store';
import type { WebContext } from '../../context.js';
import { audit } from '../audit-trail.js';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleSubject } from './login-throttle.js';
import { checkAgainstDummy, checkPassword } from './passwords.js';
import { sessionTtlMs } from './session-cookie.js';

/** How long to wait when the password checks of this process are all taken. */
export const BUSY_RETRY_MS = 1_000;

export type LoginOutcome =
  | { kind: 'ok'; user: StaffUser; session: StaffSession; secret: string }
  | { kind: 'invalid' }
  /** The same for every account, existing or not: too many failures, or too much hashing at once. */
  | { kind: 'throttled'; retryAfterMs: number };

export interface LoginAttempt {
  email: string;
  password: string;
  /** The client's address: throttled and audited. */
  ip: string;
}

export const loginThrottleOf = (web: WebContext): LoginThrottle =>
  new LoginThrottle(web.services.store.loginAttempts, { ...DEFAULT_THROTTLE, ...web.options.loginThrottle });

export async function attemptLogin(web: WebContext, attempt: LoginAttempt): Promise<LoginOutcome> {
  const { store } = web.services;
  const now = web.services.now();
  const email = attempt.email.trim().toLowerCase();
  const subject: ThrottleSubject = { scope: 'login', account: email, address: attempt.ip };
  const throttle = loginThrottleOf(web);

  const verdict = await throttle.verdict(subject, now);
  if (!verdict.allowed) return { kind: 'throttled', retryAfterMs: verdict.retryAfterMs };

  const user = await store.findUserByEmail(email);
  const check = user?.active ? await checkPassword(user.password_hash, attempt.password) : await checkAgainstDummy(attempt.password);
  if (check === 'busy') return { kind: 'throttled', retryAfterMs: BUSY_RETRY_MS };
  if (check === 'mismatch' || !user) {
    await throttle.failed(subject, now);
    const reason = !user ? 'unknown' : user.active ? 'password' : 'inactive';
    await audit(web, { actor: user?.id ?? 'anonymous', action: 'login.failed', details: { email, ip: attempt.ip, reason } });
    return { kind: 'invalid' };
  }

  await throttle.succeeded(subject, now);
  const { session, secret } = await store.createSession({ user_id: user.id, ttl_ms: sessionTtlMs(web), at: now });
  await audit(web, { actor: user.id, action: 'login.success', details: { ip: attempt.ip } });
  const { password_hash: _hash, ...account } = user;
  return { kind: 'ok', user: account, session, secret };
}
