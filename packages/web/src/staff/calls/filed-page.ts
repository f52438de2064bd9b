/**
 * `/staff/calls/filed/:id`: the request number, big enough to read to the
 * caller, with where they can follow it (and a word when the number said
 * STOP, so the agent promises no text), and "Next caller" (focused, so Enter
 * starts the next call with its first field focused).
 */
import type { StoredRequest } from '@o311/store';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { requestPath } from '../request/fields.js';
import { CALLS_PATH } from './paths.js';

export function filedPage(t: Translator, r: StoredRequest, trackerUrl: string, o: { smsStopped: boolean }): Html {
  return html`<h1>${t('calls.filed.title')}</h1>
<p class="call-number-label" id="call-number-label">${t('calls.filed.number')}</p>
<p class="call-number" id="call-number" aria-labelledby="call-number-label">${r.id}</p>
<p>${t('calls.filed.readOut')}</p>
${o.smsStopped ? html`<p class="notice" id="call-sms-stopped">${t('calls.filed.smsStopped')}</p>` : ''}
<dl class="call-filed">
<dt>${t('calls.history.service')}</dt><dd>${r.service_name}</dd>
${r.address ? html`<dt>${t('calls.history.address')}</dt><dd>${r.address}</dd>` : ''}
<dt>${t('calls.filed.tracker')}</dt><dd><code>${trackerUrl}</code></dd>
</dl>
<p class="actions"><a class="button" href="${CALLS_PATH}" id="call-next" autofocus>${t('calls.filed.next')}</a>
<a href="${requestPath(r.id)}">${t('calls.filed.open')}</a></p>`;
}
