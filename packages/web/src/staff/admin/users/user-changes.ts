/**
 * Changes to staff accounts from the users pages: the server's account
 * service (its rules and its audit), with passwords hashed here first.
 */
import { staffAccounts } from '@o311/server';
import type { StaffUser } from '@o311/store';
import type { WebContext } from '../../../context.js';
import { hashPassword } from '../../auth/passwords.js';
import { webActorOf } from '../../staff-actor.js';
import type { ProfileInput } from './user-input.js';

export type UserChange = staffAccounts.AccountChange;

/** The user `id` if `actor` may administer it. */
export const reachableUser = (web: WebContext, actor: StaffUser, id: string): Promise<StaffUser | undefined> =>
  staffAccounts.reachableAccount(web.services, webActorOf(actor), id);

export const createUser = async (
  web: WebContext,
  actor: StaffUser,
  input: ProfileInput & { email: string; password: string },
): Promise<UserChange> => {
  const { password, ...account } = input;
  return staffAccounts.createAccount(web.services, webActorOf(actor), { ...account, password_hash: await hashPassword(password) });
};

export const updateProfile = (web: WebContext, actor: StaffUser, id: string, input: ProfileInput): Promise<UserChange> =>
  staffAccounts.updateAccount(web.services, webActorOf(actor), id, input);

export const setActive = (web: WebContext, actor: StaffUser, id: string, active: boolean): Promise<UserChange> =>
  staffAccounts.setAccountActive(web.services, webActorOf(actor), id, active);

/** Sets a new password and ends every session of the user. */
export const resetPassword = async (web: WebContext, actor: StaffUser, id: string, password: string): Promise<UserChange> =>
  staffAccounts.resetAccountPassword(web.services, webActorOf(actor), id, await hashPassword(password));
