/** The pages after the form: "check your e-mail", the mailed link's confirm button (mail scanners only GET), and its outcome. */
import { KEY_REQUEST_LINK_TTL_MS } from '@o311/server';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { DEVELOPERS_PATH, KEY_FORM_ANCHOR, VERIFY_PATH } from './paths.js';

export const LINK_TTL_HOURS = Math.round(KEY_REQUEST_LINK_TTL_MS / 3_600_000);

export const sentPage = (t: Translator, email: string): Html =>
  html`<h1 id="key-request-sent">${t('developers.sent.title')}</h1>
<p>${t('developers.sent.text', { email, hours: LINK_TTL_HOURS })}</p>`;

export const confirmPage = (t: Translator, token: string, app: string): Html =>
  html`<h1>${t('developers.verify.title')}</h1>
<p>${t('developers.verify.text', { app })}</p>
<form method="post" action="${VERIFY_PATH}" id="key-verify-form">
<input type="hidden" name="token" value="${token}">
<button type="submit" id="key-verify-button">${t('developers.verify.button')}</button>
</form>`;

export const verifiedPage = (t: Translator, issued: boolean): Html =>
  html`<h1>${t('developers.verify.title')}</h1>
<p class="success" role="status" id="key-verified">${issued ? t('developers.verify.issued') : t('developers.verify.pending')}</p>
<p><a href="${DEVELOPERS_PATH}">${t('developers.title')}</a></p>`;

export type LinkRefusal = 'unknown' | 'used' | 'expired';

const refusalText = (t: Translator, reason: LinkRefusal): string =>
  reason === 'expired' ? t('developers.verify.expired', { hours: LINK_TTL_HOURS }) : t(reason === 'used' ? 'developers.verify.used' : 'developers.verify.unknown');

export const refusedLinkPage = (t: Translator, reason: LinkRefusal): Html =>
  html`<h1>${t('developers.verify.refusedTitle')}</h1>
<p id="key-link-refused">${refusalText(t, reason)}</p>
<p><a href="${DEVELOPERS_PATH}#${KEY_FORM_ANCHOR}">${t('developers.verify.again')}</a></p>`;
