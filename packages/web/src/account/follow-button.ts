/** The one-click follow / unfollow form of a request (the address is proven: no confirmation mail). */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { FOLLOW_PATH, UNFOLLOW_PATH } from './paths.js';

export interface FollowTarget {
  jurisdiction_id: string;
  request_id: string;
  following: boolean;
  /** Where to come back: a page of My reports, or the request's tracker page. */
  back: { page: number } | 'tracker';
}

export const followButton = (t: Translator, csrf: Html, f: FollowTarget): Html =>
  html`<form method="post" action="${f.following ? UNFOLLOW_PATH : FOLLOW_PATH}" class="inline-form follow-toggle">
${csrf}<input type="hidden" name="jurisdiction_id" value="${f.jurisdiction_id}"><input type="hidden" name="request_id" value="${f.request_id}">${f.back === 'tracker' ? html`<input type="hidden" name="back" value="tracker">` : html`<input type="hidden" name="page" value="${f.back.page}">`}
<button type="submit" class="secondary">${f.following ? t('account.unfollow.button', { id: f.request_id }) : t('account.follow.button', { id: f.request_id })}</button>
</form>`;
