/**
 * Changes to staff accounts by administrators, each audited once: create,
 * edit role/department/scope, (de)activate, set a password. None may leave
 * the site without an active admin. An actor reaches only the accounts whose
 * jurisdiction scope lies within its own (others are "not found") and grants
 * no more than it has. Passwords arrive hashed (argon2 is the web app's).
 */
import { GLOBAL_SCOPE, scopeWithin, type JurisdictionScope, type StaffRole, type StaffUser } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import type { StaffActor } from './staff-actor.js';
import { grantScope, type ScopeRefusal } from './staff-scope.js';

export type AccountChange =
  | { ok: true; user: StaffUser }
  | { ok: false; reason: 'not-found' | 'email-taken' | 'last-admin' }
  | { ok: false; reason: 'scope'; refusal: ScopeRefusal };

export interface Profile {
  name: string;
  role: StaffRole;
  department_id: string | null;
  /** Absent: unchanged (false for a new account). */
  call_taker?: boolean;
  /** Absent: unchanged (or, for a new account, the creator's scope / the store's default). */
  jurisdictions?: JurisdictionScope;
}

/** Only agents hold the call-taker capability as a flag: admins take calls by their role, viewers never. */
const callTakerFlag = (role: StaffRole, asked: boolean | undefined): boolean | undefined =>
  asked === undefined ? (role === 'agent' ? undefined : false) : role === 'agent' && asked;

/** The user `id` if `actor` may administer it. */
export async function reachableAccount(ctx: ServiceContext, actor: StaffActor, id: string): Promise<StaffUser | undefined> {
  const user = await ctx.store.getUser(id);
  return user && scopeWithin(user.jurisdictions, actor.scope) ? user : undefined;
}

/** Would this change of `target` leave no active admin? */
async function removesLastAdmin(ctx: ServiceContext, target: StaffUser, after: { role: string; active: boolean }): Promise<boolean> {
  if (target.role !== 'admin' || !target.active || (after.role === 'admin' && after.active)) return false;
  const admins = (await ctx.store.listUsers()).filter((u) => u.active && u.role === 'admin');
  return admins.every((u) => u.id === target.id);
}

export async function createAccount(
  ctx: ServiceContext,
  actor: StaffActor,
  input: Profile & { email: string; password_hash: string },
): Promise<AccountChange> {
  const granted = await grantScope(ctx.store, actor.scope, input.role, input.jurisdictions);
  if (!granted.ok) return { ok: false, reason: 'scope', refusal: granted.refusal };
  const added = await ctx.store.addUser({
    email: input.email, name: input.name, role: input.role, department_id: input.department_id, password_hash: input.password_hash,
    call_taker: callTakerFlag(input.role, input.call_taker) ?? false,
    ...(granted.scope !== undefined ? { jurisdictions: granted.scope } : {}),
  });
  // Taken, even by a creation running at the same time: a reason from the store's transaction.
  if (!added.ok) return { ok: false, reason: added.reason };
  const { user } = added;
  await recordAudit(ctx, actor, {
    action: 'user.create',
    details: {
      user: user.id, email: user.email, role: user.role, department: user.department_id, call_taker: user.call_taker, jurisdictions: user.jurisdictions,
    },
  });
  return { ok: true, user };
}

export async function updateAccount(ctx: ServiceContext, actor: StaffActor, id: string, input: Profile): Promise<AccountChange> {
  const before = await reachableAccount(ctx, actor, id);
  if (!before) return { ok: false, reason: 'not-found' };
  if (await removesLastAdmin(ctx, before, { role: input.role, active: before.active })) return { ok: false, reason: 'last-admin' };
  // A global admin made agent or viewer without a new scope gets the store's default (the primary jurisdiction).
  const kept = before.jurisdictions === GLOBAL_SCOPE && input.role !== 'admin' ? undefined : before.jurisdictions;
  const granted = await grantScope(ctx.store, actor.scope, input.role, input.jurisdictions ?? kept);
  if (!granted.ok) return { ok: false, reason: 'scope', refusal: granted.refusal };
  const { jurisdictions: _asked, call_taker: _flag, ...profile } = input;
  const callTaker = callTakerFlag(input.role, input.call_taker);
  const user = await ctx.store.updateUser(id, {
    ...profile, ...(callTaker !== undefined && { call_taker: callTaker }), ...(granted.scope !== undefined ? { jurisdictions: granted.scope } : {}),
  });
  if (!user) return { ok: false, reason: 'not-found' };
  const changed = (['name', 'role', 'department_id', 'call_taker', 'jurisdictions'] as const)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(user[k]));
  if (changed.length > 0) {
    await recordAudit(ctx, actor, {
      action: 'user.update', details: { user: id, ...Object.fromEntries(changed.map((k) => [k, { from: before[k], to: user[k] }])) },
    });
  }
  return { ok: true, user };
}

/** Deactivating ends every session of the user. */
export async function setAccountActive(ctx: ServiceContext, actor: StaffActor, id: string, active: boolean): Promise<AccountChange> {
  const before = await reachableAccount(ctx, actor, id);
  if (!before) return { ok: false, reason: 'not-found' };
  if (await removesLastAdmin(ctx, before, { role: before.role, active })) return { ok: false, reason: 'last-admin' };
  const user = await ctx.store.updateUser(id, { active });
  if (!user) return { ok: false, reason: 'not-found' };
  const sessions = active ? 0 : await ctx.store.revokeUserSessions(id);
  await recordAudit(ctx, actor, { action: active ? 'user.reactivate' : 'user.deactivate', details: { user: id, sessions_revoked: sessions } });
  return { ok: true, user };
}

/** Sets a new password and ends every session of the user. */
export async function resetAccountPassword(ctx: ServiceContext, actor: StaffActor, id: string, password_hash: string): Promise<AccountChange> {
  if (!(await reachableAccount(ctx, actor, id))) return { ok: false, reason: 'not-found' };
  const user = await ctx.store.updateUser(id, { password_hash });
  if (!user) return { ok: false, reason: 'not-found' };
  await ctx.store.recordLoginSuccess(id);
  const sessions = await ctx.store.revokeUserSessions(id);
  await recordAudit(ctx, actor, { action: 'user.password_reset', details: { user: id, sessions_revoked: sessions } });
  return { ok: true, user };
}
