/** /staff/audit: the audit log, filtered by who or by request, newest first, in pages. */
import type { AuditEntry, Jurisdiction, StaffUser } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { selectField, textInput } from '../../forms/fields.js';

export interface AuditFilter {
  actor: string;
  request: string;
}

export interface AuditView {
  jurisdiction: Jurisdiction;
  users: readonly StaffUser[];
  filter: AuditFilter;
  entries: readonly AuditEntry[];
  /** Links to the newest and the next older page, when there are such pages. */
  newestHref?: string;
  olderHref?: string;
}

const detailsText = (details: Record<string, unknown>): string =>
  Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');

function filterForm(t: Translator, v: AuditView): Html {
  const actors = [
    { value: '', label: t('staff.audit.anyone') },
    ...[...v.users].sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    { value: 'anonymous', label: t('staff.audit.anonymous') },
  ];
  return html`<form method="get" action="/staff/audit" class="admin-filter" role="search" aria-labelledby="audit-filter-title">
<h2 id="audit-filter-title" class="sr-only">${t('staff.audit.filter')}</h2>
${selectField({ id: 'audit-actor', name: 'actor', label: t('staff.audit.actor'), value: v.filter.actor, choices: actors })}
${textInput({ id: 'audit-request', name: 'request', label: t('staff.audit.request'), value: v.filter.request, extra: html` spellcheck="false"` })}
<button type="submit">${t('staff.audit.apply')}</button>
</form>`;
}

function entryRow(t: Translator, v: AuditView, e: AuditEntry, names: ReadonlyMap<string, string>): Html {
  return html`<tr>
<td><time datetime="${new Date(e.at).toISOString()}">${t.dateTime(e.at, v.jurisdiction.timezone)}</time></td>
<td>${names.get(e.actor) ?? (e.actor === 'anonymous' ? t('staff.audit.anonymous') : e.actor)}</td>
<th scope="row"><code>${e.action}</code></th>
<td>${e.request_id ? html`<a href="/staff/requests/${encodeURIComponent(e.request_id)}">${e.request_id}</a>` : '—'}</td>
<td class="admin-details">${detailsText(e.details)}</td>
</tr>`;
}

export function auditView(t: Translator, v: AuditView): Html {
  const names = new Map(v.users.map((u) => [u.id, u.name]));
  const table = v.entries.length === 0
    ? html`<p>${t('staff.audit.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.audit.caption')}</caption>
<thead><tr><th scope="col">${t('staff.audit.when')}</th><th scope="col">${t('staff.audit.actor')}</th><th scope="col">${t('staff.audit.action')}</th><th scope="col">${t('staff.audit.request')}</th><th scope="col">${t('staff.audit.details')}</th></tr></thead>
<tbody>${v.entries.map((e) => entryRow(t, v, e, names))}</tbody>
</table></div>`;
  const paging = v.newestHref || v.olderHref
    ? html`<nav class="admin-pager" aria-label="${t('staff.audit.paging')}"><ul>
${v.newestHref ? html`<li><a href="${v.newestHref}">${t('staff.audit.newest')}</a></li>` : ''}
${v.olderHref ? html`<li><a href="${v.olderHref}" rel="next">${t('staff.audit.older')}</a></li>` : ''}
</ul></nav>`
    : '';
  return html`<h1>${t('staff.audit.title')}</h1>
${filterForm(t, v)}
${table}
${paging}`;
}
