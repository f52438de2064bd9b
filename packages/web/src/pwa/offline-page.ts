/** The page an app window shows, without a connection, for a page it has not kept (sw/sw.ts). */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { OUTBOX_PATH } from './paths.js';

export const offlinePage = (t: Translator): Html =>
  html`<h1>${t('pwa.offline.title')}</h1>
<p>${t('pwa.offline.intro')}</p>
<p>${t('pwa.offline.canStill')}</p>
<ul>
<li><a href="/">${t('pwa.offline.report')}</a></li>
<li><a href="${OUTBOX_PATH}">${t('pwa.offline.outbox')}</a></li>
</ul>`;
