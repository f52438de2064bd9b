/** The pages of the follow flow: confirmed, unsubscribe (a button: mail scanners must not unsubscribe by visiting), done, bad link. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { trackerPath } from './paths.js';

export const followConfirmedPage = (t: Translator, requestId: string): Html =>
  html`<h1 id="follow-confirmed">${t('follow.confirmedTitle')}</h1>
<p>${t('follow.confirmedText', { id: requestId })}</p>
<p><a href="${trackerPath(requestId)}">${t('follow.backToRequest', { id: requestId })}</a></p>`;

export const unsubscribeAskPage = (t: Translator, token: string): Html =>
  html`<h1>${t('unsubscribe.title')}</h1>
<p>${t('unsubscribe.ask')}</p>
<form method="post" action="/track/unsubscribe" id="unsubscribe-form">
<input type="hidden" name="token" value="${token}">
<button type="submit" id="unsubscribe-button">${t('unsubscribe.button')}</button>
</form>`;

export const unsubscribedPage = (t: Translator, requestId: string): Html =>
  html`<h1 id="unsubscribed">${t('unsubscribe.doneTitle')}</h1>
<p>${t('unsubscribe.doneText', { id: requestId })}</p>
<p><a href="${trackerPath(requestId)}">${t('follow.backToRequest', { id: requestId })}</a></p>`;

export const badLinkPage = (t: Translator): Html =>
  html`<h1>${t('follow.badLinkTitle')}</h1>
<p>${t('follow.badLinkText')}</p>
<p><a href="/">${t('report.allServices')}</a></p>`;
