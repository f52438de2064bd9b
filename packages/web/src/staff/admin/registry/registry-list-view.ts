/** /staff/registry: every endpoint of the registry, filtered, with its boundary and last check. */
import { TIERS } from '@o311/georeport';
import { ENDPOINT_STATUSES, type Endpoint, type EndpointStatus, type Jurisdiction } from '@o311/store';
import type { Tier } from '@o311/georeport';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { selectField, textInput } from '../../forms/fields.js';

export interface RegistryFilterDraft {
  text: string;
  tier: Tier | '';
  status: EndpointStatus | '';
}

export interface RegistryListView {
  jurisdiction: Jurisdiction;
  endpoints: readonly Endpoint[];
  filter: RegistryFilterDraft;
  notice: Html;
}

export const endpointHref = (slug: string): string => `/staff/registry/${encodeURIComponent(slug)}`;

export function checkText(t: Translator, e: Endpoint, timezone: string): Html {
  if (e.last_check === null) return html`${t('staff.registry.never')}`;
  const c = e.last_check;
  return html`<time datetime="${new Date(c.at).toISOString()}">${t.dateTime(c.at, timezone)}</time>: <strong>${t(c.ok ? 'staff.registry.checkOk' : 'staff.registry.checkFailed')}</strong> (${c.summary})`;
}

function row(t: Translator, v: RegistryListView, e: Endpoint): Html {
  return html`<tr>
<th scope="row"><a href="${endpointHref(e.slug)}">${e.name}</a> <code>${e.slug}</code></th>
<td>${e.tier}</td>
<td>${e.country ?? ''}</td>
<td>${e.status}</td>
<td>${e.boundary_id ?? html`<em>${t('staff.registry.noBoundary')}</em>`}</td>
<td>${checkText(t, e, v.jurisdiction.timezone)}</td>
</tr>`;
}

export function registryListView(t: Translator, v: RegistryListView): Html {
  const table = v.endpoints.length === 0
    ? html`<p>${t('staff.registry.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.registry.caption')}</caption>
<thead><tr><th scope="col">${t('staff.registry.name')}</th><th scope="col">${t('staff.registry.tier')}</th><th scope="col">${t('staff.registry.country')}</th><th scope="col">${t('staff.registry.status')}</th><th scope="col">${t('staff.registry.boundary')}</th><th scope="col">${t('staff.registry.lastCheck')}</th></tr></thead>
<tbody>${v.endpoints.map((e) => row(t, v, e))}</tbody>
</table></div>`;
  return html`<h1>${t('staff.registry.title')}</h1>
<p>${t('staff.registry.intro')}</p>
${v.notice}
<p><a href="/staff/registry/new">${t('staff.registry.add')}</a></p>
<form method="get" action="/staff/registry" class="admin-form registry-filter" role="search" aria-label="${t('staff.registry.filter')}">
${textInput({ id: 'registry-text', name: 'text', type: 'search', label: t('staff.registry.search'), value: v.filter.text })}
${selectField({ id: 'registry-tier', name: 'tier', label: t('staff.registry.tier'), value: v.filter.tier, choices: [{ value: '', label: t('staff.registry.anyTier') }, ...TIERS.map((x) => ({ value: x, label: x }))] })}
${selectField({ id: 'registry-status', name: 'status', label: t('staff.registry.status'), value: v.filter.status, choices: [{ value: '', label: t('staff.registry.anyStatus') }, ...ENDPOINT_STATUSES.map((x) => ({ value: x, label: x }))] })}
<button type="submit">${t('staff.registry.apply')}</button>
</form>
${table}`;
}
