/** Deleting the account: the confirmation form (a box to tick, a button) and the page after. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import { ACCOUNT_PATH, DELETE_PATH } from './paths.js';

const CONFIRM_ID = 'delete-confirm';

export function deletePage(t: Translator, csrf: Html, error: boolean): Html {
  const message = t('account.delete.mustConfirm');
  return html`<h1>${t('account.delete.title')}</h1>
${errorSummary(t, error ? [{ id: CONFIRM_ID, message }] : [])}
<p>${t('account.delete.text')}</p>
<form method="post" action="${DELETE_PATH}" id="delete-form">${csrf}
<div class="field${error ? ' field-invalid' : ''}">${error ? html`<p class="field-error" id="${CONFIRM_ID}-error">${message}</p>` : ''}
<input type="checkbox" id="${CONFIRM_ID}" name="confirm" value="yes"${error ? html` aria-invalid="true" aria-describedby="${CONFIRM_ID}-error"` : ''}> <label for="${CONFIRM_ID}">${t('account.delete.confirm')}</label></div>
<div class="actions"><button type="submit" class="danger" id="delete-button">${t('account.delete.button')}</button> <a href="${ACCOUNT_PATH}">${t('account.title')}</a></div>
</form>`;
}

export const deletedPage = (t: Translator, requests: number): Html =>
  html`<h1 id="account-deleted">${t('account.deleted.title')}</h1>
<p>${t('account.deleted.text', { requests: t.number(requests) })}</p>
<p><a href="/">${t('home.backToServices')}</a></p>`;
