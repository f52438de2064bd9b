/**
 * Changes to staff accounts, each audited: create, edit role/department/scope,
 * (de)activate, reset password. None may leave the site without an active admin.
 * An admin reaches only the accounts whose jurisdiction scope lies within its
 * own (others are "not found") and grants no more than it has.
 */
import { staffScope } from '@o311/server';
import { GLOBAL_SCOPE, scopeWithin, type StaffUser } from '@o311/store';
import type { WebContext } from '../../../context.js';
import { hashPassword } from '../../auth/passwords.js';
import { audit } from '../../audit-trail.js';
import type { ProfileInput } from './user-input.js';

export type UserChange<T = StaffUser> =
  | { ok: true; user: T }
  | { ok: false; reason: 'not-found' | 'email-taken' | 'last-admin' }
  | { ok: false; reason: 'scope'; refusal: staffScope.ScopeRefusal };

/** The user `id` if `actor` may administer it. */
export async function reachableUser(web: WebContext, actor: StaffUser, id: string): Promise<StaffUser | undefined> {
  const user = await web.services.store.getUser(id);
  return user && scopeWithin(user.jurisdictions, actor.jurisdictions) ? user : undefined;
}

/** Would this change of `target` leave no active admin? */
async function removesLastAdmin(web: WebContext, target: StaffUser, after: { role: string; active: boolean }): Promise<boolean> {
  if (target.role !== 'admin' || !target.active || (after.role === 'admin' && after.active)) return false;
  const admins = (await web.services.store.listUsers()).filter((u) => u.active && u.role === 'admin');
  return admins.every((u) => u.id === target.id);
}

export async function createUser(
  web: WebContext,
  actor: StaffUser,
  input: ProfileInput & { email: string; password: string },
): Promise<UserChange> {
  const { store } = web.services;
  const granted = await staffScope.grantScope(store, actor.jurisdictions, input.role, input.jurisdictions);
  if (!granted.ok) return { ok: false, reason: 'scope', refusal: granted.refusal };
  const added = await store.addUser({
    email: input.email, name: input.name, role: input.role, department_id: input.department_id,
    password_hash: await hashPassword(input.password),
    ...(granted.scope !== undefined ? { jurisdictions: granted.scope } : {}),
  });
  // Taken, even by a creation running at the same time: a reason from the store's transaction.
  if (!added.ok) return { ok: false, reason: added.reason };
  const { user } = added;
  await audit(web, {
    actor: actor.id, action: 'user.create',
    details: { user: user.id, email: user.email, role: user.role, department: user.department_id, jurisdictions: user.jurisdictions },
  });
  return { ok: true, user };
}

export async function updateProfile(web: WebContext, actor: StaffUser, id: string, input: ProfileInput): Promise<UserChange> {
  const { store } = web.services;
  const before = await reachableUser(web, actor, id);
  if (!before) return { ok: false, reason: 'not-found' };
  if (await removesLastAdmin(web, before, { role: input.role, active: before.active })) return { ok: false, reason: 'last-admin' };
  // A global admin made agent or viewer without a new scope gets the store's default (the primary jurisdiction).
  const kept = before.jurisdictions === GLOBAL_SCOPE && input.role !== 'admin' ? undefined : before.jurisdictions;
  const granted = await staffScope.grantScope(store, actor.jurisdictions, input.role, input.jurisdictions ?? kept);
  if (!granted.ok) return { ok: false, reason: 'scope', refusal: granted.refusal };
  const { jurisdictions: _asked, ...profile } = input;
  const user = await store.updateUser(id, { ...profile, ...(granted.scope !== undefined ? { jurisdictions: granted.scope } : {}) });
  if (!user) return { ok: false, reason: 'not-found' };
  const changed = (['name', 'role', 'department_id', 'jurisdictions'] as const)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(user[k]));
  if (changed.length > 0) {
    await audit(web, {
      actor: actor.id, action: 'user.update',
      details: { user: id, ...Object.fromEntries(changed.map((k) => [k, { from: before[k], to: user[k] }])) },
    });
  }
  return { ok: true, user };
}

export async function setActive(web: WebContext, actor: StaffUser, id: string, active: boolean): Promise<UserChange> {
  const { store } = web.services;
  const before = await reachableUser(web, actor, id);
  if (!before) return { ok: false, reason: 'not-found' };
  if (await removesLastAdmin(web, before, { role: before.role, active })) return { ok: false, reason: 'last-admin' };
  const user = await store.updateUser(id, { active });
  if (!user) return { ok: false, reason: 'not-found' };
  const sessions = active ? 0 : await store.revokeUserSessions(id);
  await audit(web, { actor: actor.id, action: active ? 'user.reactivate' : 'user.deactivate', details: { user: id, sessions_revoked: sessions } });
  return { ok: true, user };
}

/** Sets a new password and ends every session of the user. */
export async function resetPassword(web: WebContext, actor: StaffUser, id: string, password: string): Promise<UserChange> {
  const { store } = web.services;
  if (!(await reachableUser(web, actor, id))) return { ok: false, reason: 'not-found' };
  const user = await store.updateUser(id, { password_hash: await hashPassword(password) });
  if (!user) return { ok: false, reason: 'not-found' };
  await store.recordLoginSuccess(id);
  const sessions = await store.revokeUserSessions(id);
  await audit(web, { actor: actor.id, action: 'user.password_reset', details: { user: id, sessions_revoked: sessions } });
  return { ok: true, user };
}
