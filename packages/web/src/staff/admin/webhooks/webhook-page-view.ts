/** /staff/webhooks/ID: one webhook, its actions (pause or resume, test ping, new secret, delete) and its deliveries log. */
import type { DeliveryAttempt, WebhookDelivery } from '@o311/store';
import type { webhookAdmin } from '@o311/server';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { deliveryState, eventLabel, stateLabel, webhookHref } from './webhooks-view.js';

export interface WebhookPageView {
  timezone: string;
  webhook: webhookAdmin.WebhookView;
  deliveries: ReadonlyArray<WebhookDelivery & { attempt_log: DeliveryAttempt[] }>;
  notice: Html;
  csrf: Html;
}

const action = (v: WebhookPageView, path: string, label: string, danger = false): Html =>
  html`<form method="post" action="${webhookHref(v.webhook.id)}/${path}" class="admin-inline-form">${v.csrf}<button type="submit"${danger ? html` class="admin-danger"` : ''}>${label}</button></form>`;

function attemptItem(t: Translator, v: WebhookPageView, a: DeliveryAttempt): Html {
  const outcome = a.http_status === null ? (a.error ?? '') : t('staff.webhooks.attempt.status', { status: a.http_status });
  return html`<li>${t('staff.webhooks.attempt', { date: t.dateTime(a.at, v.timezone), outcome, ms: t.number(a.latency_ms) })}${
    a.excerpt === '' ? '' : html` <code>${a.excerpt}</code>`
  }</li>`;
}

function deliveryRow(t: Translator, v: WebhookPageView, d: WebhookPageView['deliveries'][number]): Html {
  const event = d.event === 'ping' ? 'ping' : eventLabel(t, d.event.replace(/^request\./, ''));
  return html`<tr>
<th scope="row">${t.dateTime(d.created_at, v.timezone)}</th>
<td>${event}${d.replay_of === null ? '' : html` (${t('staff.webhooks.delivery.replayOf')})`}</td>
<td>${deliveryState(t, d)}</td>
<td>${d.attempt_log.length === 0 ? t.number(0) : html`<ol>${d.attempt_log.map((a) => attemptItem(t, v, a))}</ol>`}</td>
<td>${d.state === 'pending' ? '' : html`<form method="post" action="${webhookHref(v.webhook.id)}/deliveries/${encodeURIComponent(d.id)}/replay" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.webhooks.replay')}<span class="sr-only"> ${t.dateTime(d.created_at, v.timezone)}</span></button></form>`}</td>
</tr>`;
}

export function webhookPageView(t: Translator, v: WebhookPageView): Html {
  const w = v.webhook;
  const log = v.deliveries.length === 0
    ? html`<p>${t('staff.webhooks.noDeliveries')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.webhooks.deliveriesCaption')}</caption>
<thead><tr><th scope="col">${t('staff.webhooks.delivery.created')}</th><th scope="col">${t('staff.webhooks.delivery.event')}</th><th scope="col">${t('staff.webhooks.delivery.state')}</th><th scope="col">${t('staff.webhooks.delivery.attempts')}</th><th scope="col"><span class="sr-only">${t('staff.webhooks.actions')}</span></th></tr></thead>
<tbody>${v.deliveries.map((d) => deliveryRow(t, v, d))}</tbody>
</table></div>`;
  return html`<h1>${w.name}</h1>
<p><a href="/staff/webhooks">${t('staff.webhooks.back')}</a></p>
${v.notice}
<dl>
<dt>${t('staff.webhooks.url')}</dt><dd><code>${w.url}</code></dd>
<dt>${t('staff.webhooks.events')}</dt><dd>${w.events.map((e) => eventLabel(t, e)).join(', ')}</dd>
<dt>${t('staff.webhooks.ownerEmail')}</dt><dd>${w.owner_email}</dd>
<dt>${t('staff.webhooks.state')}</dt><dd>${w.state === 'paused' && w.paused_at !== null
    ? t('staff.webhooks.pausedSince', { date: t.dateTime(w.paused_at, v.timezone), reason: w.pause_reason ?? '' })
    : stateLabel(t, w)}</dd>
<dt>${t('staff.webhooks.consecutiveFailures')}</dt><dd>${t.number(w.consecutive_failures)}</dd>
</dl>
<section class="admin-section" aria-labelledby="webhook-actions-title">
<h2 id="webhook-actions-title">${t('staff.webhooks.actions')}</h2>
<p>${w.state === 'active' ? action(v, 'pause', t('staff.webhooks.pause')) : action(v, 'resume', t('staff.webhooks.resume'))}
${action(v, 'test', t('staff.webhooks.test'))}
${action(v, 'rotate-secret', t('staff.webhooks.rotate'))}
${action(v, 'delete', t('staff.webhooks.delete'), true)}</p>
</section>
<section class="admin-section" aria-labelledby="webhook-deliveries-title">
<h2 id="webhook-deliveries-title">${t('staff.webhooks.deliveries')}</h2>
${log}
</section>`;
}
