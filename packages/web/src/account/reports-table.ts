/** The account's reports as a table (status, overdue mark, follow button), its pager, and the federated requests. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { trackerPath } from '../tracker/paths.js';
import { dueText } from '../tracker/due.js';
import { isClosed, statusLabel } from '../tracker/status-label.js';
import { followButton } from './follow-button.js';
import type { FederatedRow, MyReports, ReportRow } from './my-reports.js';
import { accountPath } from './paths.js';
import { updatePath } from '../reporter/paths.js';

function statusCell(t: Translator, r: ReportRow): Html {
  const badge = html`<strong class="status-badge ${isClosed(r.status) ? 'status-closed' : 'status-open'}">${statusLabel(t, r.status)}</strong>`;
  return r.overdue
    ? html`${badge} <span class="due due-overdue overdue-mark">${t('account.reports.overdue')}: ${dueText(t, r.overdue)}</span>`
    : badge;
}

const reportRow = (t: Translator, csrf: Html, page: number, r: ReportRow): Html =>
  html`<tr id="report-${r.id}">
<th scope="row"><a href="${trackerPath(r.id)}">${r.id}</a><br><a class="report-update-link" href="${updatePath({ request: r.id })}">${t('reporter.account.update')}</a></th>
<td>${r.serviceName}</td>
<td>${t.date(r.requestedAt, r.timezone)}</td>
<td>${statusCell(t, r)}</td>
<td>${r.following ? t('account.following') : t('account.notFollowing')} ${followButton(t, csrf, { jurisdiction_id: r.jurisdiction_id, request_id: r.id, following: r.following, back: { page } })}</td>
</tr>`;

function pager(t: Translator, m: MyReports): Html {
  if (m.pages <= 1) return html``;
  return html`<nav class="pager" aria-label="${t('account.reports.pages')}"><ul>
${m.page > 1 ? html`<li><a href="${accountPath({ page: m.page - 1 })}" rel="prev">${t('account.reports.previous')}</a></li>` : ''}
<li aria-current="page">${t('account.reports.pageOf', { page: m.page, pages: m.pages })}</li>
${m.page < m.pages ? html`<li><a href="${accountPath({ page: m.page + 1 })}" rel="next">${t('account.reports.next')}</a></li>` : ''}
</ul></nav>`;
}

export function reportsSection(t: Translator, csrf: Html, m: MyReports): Html {
  const body =
    m.reports.length === 0
      ? html`<p id="no-reports">${t('account.reports.none')} <a href="/">${t('account.reports.report')}</a></p>`
      : html`<div class="table-scroll"><table class="account-table" id="my-reports">
<caption>${t('account.reports.title')}</caption>
<thead><tr><th scope="col">${t('account.reports.request')}</th><th scope="col">${t('account.reports.service')}</th><th scope="col">${t('account.reports.reported')}</th><th scope="col">${t('account.reports.status')}</th><th scope="col">${t('account.reports.follow')}</th></tr></thead>
<tbody>${m.reports.map((r) => reportRow(t, csrf, m.page, r))}</tbody>
</table></div>
${pager(t, m)}`;
  return html`<section aria-labelledby="reports-title"><h2 id="reports-title">${t('account.reports.title')}</h2>
<p id="reports-claimed">${t('account.reports.intro')}</p>${body}</section>`;
}

function federatedState(t: Translator, f: FederatedRow): string {
  switch (f.state) {
    case 'queued':
      return t('account.federated.state.queued');
    case 'delivered':
      return t('account.federated.state.delivered', { id: f.upstreamId ?? '' });
    case 'failed':
      return t('account.federated.state.failed');
    case 'dead':
      return t('account.federated.state.dead');
  }
}

/** The status read from the endpoint, linked to the tracker, once delivered. */
function liveStatus(t: Translator, f: FederatedRow): Html {
  if (f.federatedId === null) return html``;
  const text = f.live === undefined ? t('routed.statusUnavailable') : statusLabel(t, f.live);
  const badge = f.live === undefined ? html`${text}` : html`<strong class="status-badge ${isClosed(f.live) ? 'status-closed' : 'status-open'}">${text}</strong>`;
  return html`<a href="${trackerPath(f.federatedId)}" aria-label="${t('tracker.title', { id: f.federatedId })}: ${text}">${badge}</a>`;
}

export function federatedSection(t: Translator, rows: readonly FederatedRow[], timezone: string): Html {
  if (rows.length === 0) return html``;
  return html`<section aria-labelledby="federated-title"><h2 id="federated-title">${t('account.federated.title')}</h2>
<div class="table-scroll"><table class="account-table" id="my-federated-reports">
<thead><tr><th scope="col">${t('account.federated.endpoint')}</th><th scope="col">${t('account.reports.service')}</th><th scope="col">${t('account.reports.reported')}</th><th scope="col">${t('account.federated.state')}</th><th scope="col">${t('account.reports.status')}</th></tr></thead>
<tbody>${rows.map((f) => html`<tr><td>${f.endpoint}</td><td>${f.serviceCode}</td><td>${t.date(f.createdAt, timezone)}</td><td>${federatedState(t, f)}</td><td>${liveStatus(t, f)}</td></tr>`)}</tbody>
</table></div></section>`;
}
