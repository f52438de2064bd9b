/**
 * Following from My reports: the signed-in address is proven, so the follower
 * is confirmed at once (no confirmation mail); every later mail still carries
 * its unsubscribe link.
 */
import type { CitizenAccount } from '@o311/store';
import type { WebContext } from '../context.js';

/** Longer values cannot name a jurisdiction or a request. */
const MAX_ID_LENGTH = 200;

export interface FollowInput {
  jurisdiction_id: string;
  request_id: string;
}

const bounded = (f: FollowInput): boolean => f.jurisdiction_id.length <= MAX_ID_LENGTH && f.request_id.length <= MAX_ID_LENGTH;

/** False when there is no such request. */
export async function followRequest(web: WebContext, account: CitizenAccount, f: FollowInput, locale: string): Promise<boolean> {
  const { store, now } = web.services;
  if (!bounded(f) || !(await store.getPublicRequest(f.jurisdiction_id, f.request_id))) return false;
  const at = now();
  const { confirmSecret } = await store.addFollower({ ...f, email: account.email, locale: account.locale ?? locale, at });
  await store.confirmFollower(confirmSecret, at);
  return true;
}

export async function unfollowRequest(web: WebContext, account: CitizenAccount, f: FollowInput): Promise<boolean> {
  return bounded(f) && web.services.store.citizens.unfollow(account.email, f.jurisdiction_id, f.request_id);
}
