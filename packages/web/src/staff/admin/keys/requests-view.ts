/** /staff/keys: developers' requests waiting for approval, each with Approve and Refuse. Admin eyes only (e-mail addresses). */
import type { KeyRequest } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';

function requestRow(t: Translator, r: KeyRequest, csrf: Html, tz: string): Html {
  const action = (verb: 'approve' | 'refuse', label: string, cls = '') =>
    html`<form method="post" action="/staff/keys/requests/${encodeURIComponent(r.id)}/${verb}" class="admin-inline-form">${csrf}
<button type="submit"${cls ? html` class="${cls}"` : ''}>${label}<span class="sr-only"> ${r.app_name}</span></button></form>`;
  return html`<tr>
<th scope="row">${r.app_name}<br><a href="${r.app_url}" rel="noopener noreferrer">${r.app_url}</a></th>
<td>${r.name}<br>${r.email}</td>
<td>${r.purpose}</td>
<td>${t.date(r.created_at, tz)}</td>
<td>${action('approve', t('developers.admin.approve'))} ${action('refuse', t('developers.admin.refuse'), 'admin-danger')}</td>
</tr>`;
}

export function pendingRequestsView(t: Translator, pending: readonly KeyRequest[], csrf: Html, tz: string): Html {
  const body = pending.length === 0
    ? html`<p id="key-requests-none">${t('developers.admin.noRequests')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table" id="key-requests">
<caption>${t('developers.admin.requestsCaption')}</caption>
<thead><tr><th scope="col">${t('developers.admin.app')}</th><th scope="col">${t('developers.admin.developer')}</th><th scope="col">${t('developers.admin.purpose')}</th><th scope="col">${t('developers.admin.asked')}</th><th scope="col"><span class="sr-only">${t('staff.departments.actions')}</span></th></tr></thead>
<tbody>${pending.map((r) => requestRow(t, r, csrf, tz))}</tbody>
</table></div>`;
  return html`<section class="admin-section" aria-labelledby="key-requests-title">
<h2 id="key-requests-title">${t('developers.admin.requests')}</h2>
<p>${t('developers.admin.requestsIntro')}</p>
${body}
</section>`;
}
