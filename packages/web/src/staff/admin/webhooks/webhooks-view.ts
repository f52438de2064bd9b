/** /staff/webhooks: the webhooks with their state and last delivery, the form to add one, and the page that shows a secret once. */
import { WEBHOOK_EVENTS, type WebhookDelivery } from '@o311/store';
import type { webhookAdmin } from '@o311/server';
import { html, type Html } from '../../../html.js';
import type { MessageKey, Translator } from '../../../i18n/translate.js';
import { errorSummary } from '../../forms/error-summary.js';
import { checkboxGroup, errorFor, textInput, type FieldError } from '../../forms/fields.js';
import { WEBHOOK_IDS, type WebhookDraft } from './webhook-input.js';

type WebhookView = webhookAdmin.WebhookView;

export interface WebhooksView {
  timezone: string;
  webhooks: readonly WebhookView[];
  notice: Html;
  draft: WebhookDraft;
  errors: readonly FieldError[];
  csrf: Html;
}

export const webhookHref = (id: string): string => `/staff/webhooks/${encodeURIComponent(id)}`;

export const eventLabel = (t: Translator, event: string): string => t(`staff.webhooks.event.${event}` as MessageKey);

export const deliveryState = (t: Translator, d: Pick<WebhookDelivery, 'state'>): string => t(`staff.webhooks.delivery.state.${d.state}` as MessageKey);

export const stateLabel = (t: Translator, w: Pick<WebhookView, 'state'>): string => t(`staff.webhooks.state.${w.state}` as MessageKey);

function row(t: Translator, v: WebhooksView, w: WebhookView): Html {
  const last = w.last_delivery;
  return html`<tr${w.state === 'paused' ? html` class="admin-inactive"` : ''}>
<th scope="row"><a href="${webhookHref(w.id)}">${w.name}</a></th>
<td><code>${w.url}</code></td>
<td>${w.events.map((e) => eventLabel(t, e)).join(', ')}</td>
<td>${stateLabel(t, w)}</td>
<td>${last === null ? t('staff.webhooks.noDelivery') : html`${deliveryState(t, last)}, ${t.dateTime(last.created_at, v.timezone)}`}</td>
</tr>`;
}

export function webhooksView(t: Translator, v: WebhooksView): Html {
  const table = v.webhooks.length === 0
    ? html`<p>${t('staff.webhooks.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.webhooks.caption')}</caption>
<thead><tr><th scope="col">${t('staff.webhooks.name')}</th><th scope="col">${t('staff.webhooks.url')}</th><th scope="col">${t('staff.webhooks.events')}</th><th scope="col">${t('staff.webhooks.state')}</th><th scope="col">${t('staff.webhooks.lastDelivery')}</th></tr></thead>
<tbody>${v.webhooks.map((w) => row(t, v, w))}</tbody>
</table></div>`;
  return html`<h1>${t('staff.webhooks.title')}</h1>
<p>${t('staff.webhooks.intro')}</p>
${v.notice}
${table}
<section class="admin-section" aria-labelledby="new-webhook-title">
<h2 id="new-webhook-title">${t('staff.webhooks.add')}</h2>
${errorSummary(t, v.errors)}
<form method="post" action="/staff/webhooks" class="admin-form" novalidate>${v.csrf}
${textInput({ id: WEBHOOK_IDS.name, name: 'name', label: t('staff.webhooks.name'), value: v.draft.name, required: true, error: errorFor(v.errors, WEBHOOK_IDS.name), extra: html` maxlength="200"` })}
${textInput({
    id: WEBHOOK_IDS.url, name: 'url', label: t('staff.webhooks.url'), value: v.draft.url, required: true, hint: t('staff.webhooks.urlHint'),
    error: errorFor(v.errors, WEBHOOK_IDS.url), extra: html` maxlength="2000" inputmode="url" spellcheck="false"`,
  })}
${errorFor(v.errors, WEBHOOK_IDS.events) ? html`<p class="svc-field-error">${errorFor(v.errors, WEBHOOK_IDS.events)}</p>` : ''}
${checkboxGroup({
    id: WEBHOOK_IDS.events, name: 'events', legend: t('staff.webhooks.events'), checked: v.draft.events,
    choices: WEBHOOK_EVENTS.map((e) => ({ value: e, label: eventLabel(t, e) })),
  })}
${textInput({
    id: WEBHOOK_IDS.owner_email, name: 'owner_email', type: 'email', label: t('staff.webhooks.ownerEmail'), value: v.draft.owner_email, required: true,
    hint: t('staff.webhooks.ownerEmailHint'), error: errorFor(v.errors, WEBHOOK_IDS.owner_email), extra: html` maxlength="254" autocomplete="email"`,
  })}
<button type="submit">${t('staff.webhooks.addSubmit')}</button>
</form>
</section>`;
}

/** The only times a webhook's secret is shown: when it is created and when it is replaced. */
export function secretView(t: Translator, w: Pick<WebhookView, 'id' | 'name'>, secret: string): Html {
  return html`<h1>${t('staff.webhooks.secretTitle')}</h1>
<p class="svc-notice" role="status">${t('staff.webhooks.secretText')}</p>
<div class="svc-field">
<label for="webhook-secret">${t('staff.webhooks.secretLabel', { name: w.name })}</label>
<input type="text" id="webhook-secret" class="admin-secret" value="${secret}" readonly spellcheck="false" autocomplete="off">
</div>
<p><a href="${webhookHref(w.id)}">${t('staff.webhooks.open', { name: w.name })}</a></p>
<p><a href="/staff/webhooks">${t('staff.webhooks.back')}</a></p>`;
}
