/** The confirmation after a report: the request number (or the batch token) and the way to follow it. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { pendingToken } from '../tracker/pending-token.js';
import { trackerPath } from './origin.js';
import { ACCOUNT_PATH } from '../account/paths.js';

export type Receipt =
  | { kind: 'request'; id: string }
  | { kind: 'token'; token: string }
  | { kind: 'blackbox' };

function receiptText(t: Translator, r: Receipt, poll: string | undefined): Html {
  switch (r.kind) {
    case 'request':
      return html`<p class="request-number">${t('sent.number')} <strong id="request-number">${r.id}</strong></p>
<p><a class="button" href="${trackerPath(r.id)}" id="track-link">${t('sent.track')}</a></p>
<p>${t('sent.followHint')}</p>`;
    case 'token':
      return pendingToken(t, r.token, poll);
    case 'blackbox':
      return html`<p>${t('sent.noNumber')}</p>`;
  }
}

/**
 * `signedIn`: the report belongs to the reader's account, so My reports lists it.
 * `poll`: where a token is resolved, when not this server's GeoReport endpoint.
 */
export const sentPage = (t: Translator, r: Receipt, notice: string | null, signedIn = false, poll?: string): Html =>
  html`<div class="confirmation" id="confirmation">
<h1>${t('sent.title')}</h1>
${receiptText(t, r, poll)}
${signedIn ? html`<p><a href="${ACCOUNT_PATH}" id="sent-my-reports">${t('account.sentListed')}</a></p>` : ''}
${notice ? html`<p class="notice" role="note">${notice}</p>` : ''}
<p><a href="/">${t('sent.another')}</a></p>
</div>`;
