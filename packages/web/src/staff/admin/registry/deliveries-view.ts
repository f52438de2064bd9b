/**
 * /staff/registry/:slug/deliveries: the requests routed to one endpoint,
 * newest first, with their state, attempts and last error, filtered by state
 * and paged; a failed or dead one has a Retry button. Never the reporter's
 * contact data (the service gives none).
 */
import type { Endpoint } from '@o311/store';
import { FEDERATED_STATES, type FederatedState } from '@o311/store';
import type { federationAdmin } from '@o311/server';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { selectField } from '../../forms/fields.js';
import { deliveriesHref } from './federation-section.js';
import { endpointHref } from './registry-list-view.js';

export type DeliveryView = Awaited<ReturnType<typeof federationAdmin.listDeliveries>>['items'][number];

export interface DeliveriesPage {
  endpoint: Endpoint;
  items: readonly DeliveryView[];
  total: number;
  state: FederatedState | undefined;
  page: number;
  pageSize: number;
  timezone: string;
  notice: Html;
  csrf: Html;
}

const RETRYABLE: readonly FederatedState[] = ['failed', 'dead'];

function row(t: Translator, v: DeliveriesPage, d: DeliveryView): Html {
  const retry = RETRYABLE.includes(d.state)
    ? html`<form method="post" action="${deliveriesHref(v.endpoint.slug)}/${d.id}/retry" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.federation.retry')}</button></form>`
    : '';
  return html`<tr>
<th scope="row"><time datetime="${new Date(d.created_at).toISOString()}">${t.dateTime(d.created_at, v.timezone)}</time></th>
<td><code>${d.service_code}</code></td>
<td><strong>${d.state}</strong></td>
<td>${d.attempts}</td>
<td>${d.last_error ?? ''}</td>
<td>${d.upstream_id === null ? '' : html`<code>${`${v.endpoint.slug}:${d.upstream_id}`}</code>`}</td>
<td>${retry}</td>
</tr>`;
}

function pager(t: Translator, v: DeliveriesPage): Html {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const link = (page: number) => `${deliveriesHref(v.endpoint.slug)}?${new URLSearchParams({ ...(v.state && { state: v.state }), page: String(page) })}`;
  return html`<nav class="pager" aria-label="${t('staff.federation.caption')}"><p>${t('staff.federation.page', { page: v.page, pages })}</p>
${v.page > 1 ? html`<a href="${link(v.page - 1)}" rel="prev">${t('staff.federation.newer')}</a>` : ''}
${v.page < pages ? html`<a href="${link(v.page + 1)}" rel="next">${t('staff.federation.older')}</a>` : ''}</nav>`;
}

export function deliveriesView(t: Translator, v: DeliveriesPage): Html {
  const e = v.endpoint;
  const table = v.items.length === 0
    ? html`<p>${t('staff.federation.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.federation.caption')}</caption>
<thead><tr><th scope="col">${t('staff.federation.received')}</th><th scope="col">${t('staff.federation.service')}</th><th scope="col">${t('staff.federation.state')}</th><th scope="col">${t('staff.federation.attempts')}</th><th scope="col">${t('staff.federation.lastError')}</th><th scope="col">${t('staff.federation.upstreamId')}</th><th scope="col">${t('staff.federation.retry')}</th></tr></thead>
<tbody>${v.items.map((d) => row(t, v, d))}</tbody>
</table></div>`;
  return html`<p><a href="${endpointHref(e.slug)}">${t('staff.federation.back')}</a></p>
<h1>${t('staff.federation.deliveriesTitle', { name: e.name })}</h1>
<p>${t('staff.federation.deliveriesIntro')}</p>
${v.notice}
<form method="get" action="${deliveriesHref(e.slug)}" class="admin-form" role="search" aria-label="${t('staff.federation.state')}">
${selectField({ id: 'delivery-state', name: 'state', label: t('staff.federation.state'), value: v.state ?? '', choices: [{ value: '', label: t('staff.federation.anyState') }, ...FEDERATED_STATES.map((s) => ({ value: s, label: s }))] })}
<button type="submit">${t('staff.federation.show')}</button>
</form>
${table}
${pager(t, v)}`;
}
