/** The sign-in pages: ask for a link, "check your e-mail", the link's confirm button (mail scanners only GET), a refused link. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import { inputAria, textField, type FieldFrame } from '../citizen/field-parts.js';
import { EMAIL_PATTERN } from '../citizen/value-checks.js';
import { LINK_PATH, SIGN_IN_PATH } from './paths.js';
import { SIGN_IN_LINK_TTL_MINUTES } from './sign-in.js';

const EMAIL_ID = 'sign-in-email';

export function signInPage(t: Translator, form: { email: string; error?: string; notice?: string }): Html {
  const f: FieldFrame = { id: EMAIL_ID, label: t('account.signIn.email'), required: true, ...(form.error !== undefined && { error: form.error }) };
  return html`<h1>${t('account.signIn.title')}</h1>
${form.notice ? html`<p class="success" role="status" id="sign-in-notice">${form.notice}</p>` : ''}
${errorSummary(t, form.error !== undefined ? [{ id: EMAIL_ID, message: form.error }] : [])}
<p>${t('account.signIn.intro')}</p>
<form method="post" action="${SIGN_IN_PATH}" class="account-form" id="sign-in-form" novalidate>
${textField(t, f, html`<input type="email" name="email" autocomplete="email" required maxlength="254" pattern="${EMAIL_PATTERN}" value="${form.email}" ${inputAria(f)}>`)}
<div class="actions"><button type="submit" id="sign-in-submit">${t('account.signIn.submit')}</button></div>
</form>`;
}

export const sentPage = (t: Translator, email: string): Html =>
  html`<h1 id="sign-in-sent">${t('account.sent.title')}</h1>
<p>${t('account.sent.text', { email, minutes: SIGN_IN_LINK_TTL_MINUTES })}</p>
<p>${t('account.sent.again')} <a href="${SIGN_IN_PATH}">${t('account.link.askAgain')}</a></p>`;

export const confirmLinkPage = (t: Translator, token: string): Html =>
  html`<h1>${t('account.link.title')}</h1>
<p>${t('account.link.text')}</p>
<form method="post" action="${LINK_PATH}" id="sign-in-link-form">
<input type="hidden" name="token" value="${token}">
<button type="submit" id="sign-in-link-button">${t('account.link.button')}</button>
</form>`;

export type LinkRefusal = 'unknown' | 'used' | 'expired' | 'throttled';

function refusalText(t: Translator, reason: LinkRefusal, retryMinutes: number): string {
  switch (reason) {
    case 'used':
      return t('account.link.used');
    case 'expired':
      return t('account.link.expired', { minutes: SIGN_IN_LINK_TTL_MINUTES });
    case 'unknown':
      return t('account.link.unknown');
    case 'throttled':
      return t('account.link.tooMany', { minutes: retryMinutes });
  }
}

export const linkRefusedPage = (t: Translator, reason: LinkRefusal, retryMinutes = 1): Html =>
  html`<h1>${t('account.link.refusedTitle')}</h1>
<p id="sign-in-link-refused">${refusalText(t, reason, retryMinutes)}</p>
<p><a href="${SIGN_IN_PATH}">${t('account.link.askAgain')}</a></p>`;
