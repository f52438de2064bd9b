/**
 * Changing one's own password: the current one must match, the new one must
 * be long enough and typed twice alike. Every session of the user ends; the
 * caller gets a fresh one for this browser. The current-password check is
 * throttled like a login (a stolen session must not guess it freely).
 */
import type { FastifyRequest } from 'fastify';
import type { StaffSession, StaffUser } from '@o311/store';
import type { WebContext } from '../../context.js';
import type { Translator } from '../../i18n/translate.js';
import { BUSY_RETRY_MS, loginThrottleOf } from '../auth/login.js';
import type { ThrottleSubject } from '../auth/login-throttle.js';
import { checkPassword, hashPassword, isAcceptablePassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { sessionTtlMs } from '../auth/session-cookie.js';
import { audit } from '../audit-trail.js';
import { formRaw } from '../../form.js';
import type { FieldError } from '../forms/fields.js';
import { ACCOUNT_IDS } from './account-view.js';

export type PasswordChange =
  | { ok: true; session: StaffSession; secret: string }
  /** `retryAfterMs` when the check was throttled (429). */
  | { ok: false; errors: FieldError[]; retryAfterMs?: number };

export async function changeOwnPassword(web: WebContext, request: FastifyRequest, t: Translator, user: StaffUser): Promise<PasswordChange> {
  const { store } = web.services;
  const current = formRaw(request, 'current');
  const password = formRaw(request, 'password');
  const confirm = formRaw(request, 'confirm');
  const now = web.services.now();
  const subject: ThrottleSubject = { scope: 'password-check', account: user.email, address: request.ip };
  const throttle = loginThrottleOf(web);
  const verdict = await throttle.verdict(subject, now);
  const tooMany = (retryAfterMs: number): PasswordChange =>
    ({ ok: false, retryAfterMs, errors: [{ field: ACCOUNT_IDS.current, message: t('staff.account.error.tooMany') }] });
  if (!verdict.allowed) return tooMany(verdict.retryAfterMs);
  const account = await store.findUserByEmail(user.email);
  const check = account ? await checkPassword(account.password_hash, current) : 'mismatch';
  if (check === 'busy') return tooMany(BUSY_RETRY_MS);
  const errors: FieldError[] = [];
  if (check === 'mismatch') {
    await throttle.failed(subject, now);
    errors.push({ field: ACCOUNT_IDS.current, message: t('staff.account.error.current') });
  } else await throttle.succeeded(subject, now);
  if (!isAcceptablePassword(password)) {
    errors.push({ field: ACCOUNT_IDS.password, message: t('staff.password.short', { min: MIN_PASSWORD_LENGTH }) });
  } else if (password !== confirm) {
    errors.push({ field: ACCOUNT_IDS.confirm, message: t('staff.account.error.mismatch') });
  }
  if (errors.length > 0) {
    await audit(web, { actor: user.id, action: 'account.password_refused', details: { reasons: errors.map((e) => e.field) } });
    return { ok: false, errors };
  }
  await store.updateUser(user.id, { password_hash: await hashPassword(password) });
  const revoked = await store.revokeUserSessions(user.id);
  const { session, secret } = await store.createSession({ user_id: user.id, ttl_ms: sessionTtlMs(web), at: web.services.now() });
  await audit(web, { actor: user.id, action: 'account.password', details: { sessions_revoked: revoked } });
  return { ok: true, session, secret };
}
