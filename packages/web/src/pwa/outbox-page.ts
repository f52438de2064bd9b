/**
 * The outbox: reports made without a connection, kept in this browser until
 * they are sent. The list lives in the browser (IndexedDB), so the page is a
 * shell that browser/outbox-page.ts fills; without JavaScript nothing is kept,
 * and the page says so.
 */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

export const outboxPage = (t: Translator): Html =>
  html`<h1>${t('pwa.outbox.title')}</h1>
<p>${t('pwa.outbox.intro')}</p>
<noscript><p class="notice">${t('pwa.outbox.noScript')}</p></noscript>
<p id="outbox-empty">${t('pwa.outbox.empty')}</p>
<ul id="outbox-list" class="outbox-list" hidden></ul>
<p><button type="button" id="outbox-send" hidden>${t('pwa.outbox.sendNow')}</button></p>`;
