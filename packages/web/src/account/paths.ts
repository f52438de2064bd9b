/** The account app's URLs, named once. */
export const ACCOUNT_PATH = '/account';
export const SIGN_IN_PATH = '/account/sign-in';
export const SIGN_OUT_PATH = '/account/sign-out';
export const LINK_PATH = '/account/link';
export const FOLLOW_PATH = '/account/follow';
export const UNFOLLOW_PATH = '/account/unfollow';
export const REMINDERS_PATH = '/account/reminders';
export const DELETE_PATH = '/account/delete';
export const DELETED_PATH = '/account/deleted';
export const EXPORT_JSON_PATH = '/account/export.json';
export const EXPORT_CSV_PATH = '/account/export.csv';

/** The sign-in link mailed to an address (GET shows a button; POST consumes it). */
export const linkPath = (secret: string): string => `${LINK_PATH}?token=${encodeURIComponent(secret)}`;

/** My reports at a page, with an optional notice (`followed`, `unfollowed`…) about a request. */
export function accountPath(q: { page?: number; done?: string; id?: string } = {}): string {
  const params = new URLSearchParams();
  if (q.page !== undefined && q.page > 1) params.set('page', String(q.page));
  if (q.done !== undefined) params.set('done', q.done);
  if (q.id !== undefined) params.set('id', q.id);
  const query = params.toString();
  return query === '' ? ACCOUNT_PATH : `${ACCOUNT_PATH}?${query}`;
}
