/**
 * Changing one's own password: the current one must match, the new one must
 * be long enough and typed twice alike. Every session of the user ends; the
 * caller gets a fresh one for this browser.
 */
import type { FastifyRequest } from 'fastify';
import type { StaffSession, StaffUser } from '@o311/store';
import type { WebContext } from '../../context.js';
import type { Translator } from '../../i18n/translate.js';
import { hashPassword, isAcceptablePassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.js';
import { sessionTtlMs } from '../auth/session-cookie.js';
import { audit } from '../audit-trail.js';
import { formRaw } from '../../form.js';
import type { FieldError } from '../forms/fields.js';
import { ACCOUNT_IDS } from './account-view.js';

export type PasswordChange =
  | { ok: true; session: StaffSession; secret: string }
  | { ok: false; errors: FieldError[] };

export async function changeOwnPassword(web: WebContext, request: FastifyRequest, t: Translator, user: StaffUser): Promise<PasswordChange> {
  const { store } = web.services;
  const current = formRaw(request, 'current');
  const password = formRaw(request, 'password');
  const confirm = formRaw(request, 'confirm');
  const account = await store.findUserByEmail(user.email);
  const errors: FieldError[] = [];
  if (!account || !(await verifyPassword(account.password_hash, current))) {
    errors.push({ field: ACCOUNT_IDS.current, message: t('staff.account.error.current') });
  }
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
