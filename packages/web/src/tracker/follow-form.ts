/** "Follow by email" (double opt-in, or one button for a signed-in citizen) and the Atom feed link, at the end of the tracker page. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { EMAIL_PATTERN } from '../citizen/value-checks.js';
import { feedPath, followPath } from './paths.js';
import { followButton } from '../account/follow-button.js';

export type FollowState =
  | { kind: 'idle' }
  | { kind: 'sent' }
  | { kind: 'invalid'; email: string }
  | { kind: 'busy'; email: string }
  /** A signed-in citizen: one button, no confirmation mail (the account's address is proven). */
  | { kind: 'signed-in'; jurisdiction_id: string; email: string; following: boolean; csrf: Html };

function followMessage(t: Translator, s: FollowState): Html {
  switch (s.kind) {
    case 'idle':
    case 'signed-in':
      return html``;
    case 'sent':
      return html`<p class="success" id="follow-status" role="status">${t('follow.sent')}</p>`;
    case 'invalid':
      return html`<p class="field-error" id="follow-error">${t('report.error.email')}</p>`;
    case 'busy':
      return html`<p class="field-error" id="follow-error">${t('report.error.busy')}</p>`;
  }
}

function signedInFollow(t: Translator, id: string, s: FollowState & { kind: 'signed-in' }): Html {
  return html`<section class="follow" id="follow" aria-labelledby="follow-title">
<h2 id="follow-title">${t('follow.title')}</h2>
<p>${t('account.follow.tracker', { email: s.email })}</p>
${followButton(t, s.csrf, { jurisdiction_id: s.jurisdiction_id, request_id: id, following: s.following, back: 'tracker' })}
<p class="feed-link"><a href="${feedPath(id)}" type="application/atom+xml" id="feed-link">${t('follow.feed')}</a></p>
</section>`;
}

export function followSection(t: Translator, id: string, state: FollowState): Html {
  if (state.kind === 'signed-in') return signedInFollow(t, id, state);
  const failed = state.kind === 'invalid' || state.kind === 'busy';
  const email = failed ? state.email : '';
  return html`<section class="follow" id="follow" aria-labelledby="follow-title">
<h2 id="follow-title">${t('follow.title')}</h2>
<p>${t('follow.text')}</p>
${state.kind === 'sent' ? followMessage(t, state) : ''}
<form method="post" action="${followPath(id)}" class="inline-form" id="follow-form">
<label for="follow-email">${t('contact.email')}</label>
${failed ? followMessage(t, state) : ''}
<div class="inline-controls"><input type="email" id="follow-email" name="email" autocomplete="email" required pattern="${EMAIL_PATTERN}" value="${email}"${
    failed ? html` aria-invalid="true" aria-describedby="follow-error"` : ''
  }>
<button type="submit" id="follow-submit">${t('follow.button')}</button></div>
</form>
<p class="feed-link"><a href="${feedPath(id)}" type="application/atom+xml" id="feed-link">${t('follow.feed')}</a></p>
</section>`;
}
