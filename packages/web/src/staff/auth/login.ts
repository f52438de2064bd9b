/**
 * One login attempt: the account must exist, be active and not locked, and
 * the password must match its argon2id hash. Failures count towards the
 * lock-out; every outcome is audited. Unknown accounts cost a verification too.
 */
import type { StaffSession, StaffUser } from '@o311/store';
import type { WebContext } from '../../context.js';
import { audit } from '../audit-trail.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { sessionTtlMs } from './session-cookie.js';

export const DEFAULT_MAX_LOGIN_FAILURES = 5;
export const DEFAULT_LOCKOUT_MS = 15 * 60 * 1000;

export type LoginOutcome =
  | { kind: 'ok'; user: StaffUser; session: StaffSession; secret: string }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: number };

export interface LoginAttempt {
  email: string;
  password: string;
  /** The client's address, for the audit log. */
  ip: string;
}

const lockoutOf = (web: WebContext): { maxFailures: number; lockMs: number } => ({
  maxFailures: web.options.maxLoginFailures ?? DEFAULT_MAX_LOGIN_FAILURES,
  lockMs: web.options.lockoutMs ?? DEFAULT_LOCKOUT_MS,
});

export async function attemptLogin(web: WebContext, attempt: LoginAttempt): Promise<LoginOutcome> {
  const { store } = web.services;
  const now = web.services.now();
  const email = attempt.email.trim().toLowerCase();
  const user = await store.findUserByEmail(email);

  if (!user || !user.active) {
    await verifyAgainstDummy(attempt.password);
    await audit(web, { actor: user?.id ?? 'anonymous', action: 'login.failed', details: { email, ip: attempt.ip, reason: user ? 'inactive' : 'unknown' } });
    return { kind: 'invalid' };
  }
  if (user.locked_until !== null && user.locked_until > now) {
    await verifyAgainstDummy(attempt.password);
    await audit(web, { actor: user.id, action: 'login.locked', details: { email, ip: attempt.ip, until: user.locked_until } });
    return { kind: 'locked', until: user.locked_until };
  }
  if (!(await verifyPassword(user.password_hash, attempt.password))) {
    const counted = await store.recordLoginFailure(user.id, now, lockoutOf(web));
    const until = counted?.locked_until ?? null;
    if (until !== null && until > now) {
      await audit(web, { actor: user.id, action: 'login.locked', details: { email, ip: attempt.ip, until, failures: counted?.failed_logins } });
      return { kind: 'locked', until };
    }
    await audit(web, { actor: user.id, action: 'login.failed', details: { email, ip: attempt.ip, reason: 'password', failures: counted?.failed_logins } });
    return { kind: 'invalid' };
  }

  await store.recordLoginSuccess(user.id);
  const { session, secret } = await store.createSession({ user_id: user.id, ttl_ms: sessionTtlMs(web), at: now });
  await audit(web, { actor: user.id, action: 'login.success', details: { ip: attempt.ip } });
  const { password_hash: _hash, ...account } = user;
  return { kind: 'ok', user: { ...account, failed_logins: 0, locked_until: null }, session, secret };
}
