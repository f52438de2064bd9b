/** The inbox page: filters and saved filters beside the matching requests as a table, a map and a CSV link. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TriagedRequest } from '@o311/store';
import type { WebContext } from '../../context.js';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { currentStaff } from '../guard.js';
import { sendStaffPage } from '../page.js';
import { statusLabel } from '../request/status-labels.js';
import { webJurisdiction } from '../request/jurisdiction.js';
import { errorSummary, notice } from '../forms/error-summary.js';
import type { FieldError } from '../forms/fields.js';
import { CSV_MAX_ROWS } from './csv-export.js';
import { loadDirectory } from './directory.js';
import { filterForm } from './filter-form.js';
import { sortOf, toInboxWhere } from './filter.js';
import { mapBlock, requestMarkers } from './map-block.js';
import { pager } from './pager.js';
import { queryHref, type InboxQuery } from './query.js';
import { resultsTable } from './results-table.js';
import { reporterUpdated } from '../../reporter/staff-marks.js';
import { savedFilters } from './saved-filters.js';

export const INBOX_PAGE_SIZE = 25;

export interface InboxPageState {
  errors?: readonly FieldError[];
  notice?: string;
  status?: number;
}

function exportLink(t: Translator, q: InboxQuery, total: number): Html {
  const note = total > CSV_MAX_ROWS ? html` <span class="inbox-note">${t('inbox.csv.capped', { max: t.number(CSV_MAX_ROWS) })}</span>` : '';
  return html`<p class="inbox-export"><a href="${queryHref('/staff/requests.csv', q, { page: 1 })}" download>${t('inbox.csv.download')}</a>${note}</p>`;
}

function caption(t: Translator, q: InboxQuery, rows: readonly TriagedRequest[], total: number): string {
  const first = (q.page - 1) * INBOX_PAGE_SIZE + 1;
  return t('inbox.caption', { first: t.number(first), last: t.number(first + rows.length - 1), total: t.number(total) });
}

export async function sendInboxPage(
  request: FastifyRequest, reply: FastifyReply, web: WebContext, q: InboxQuery, state: InboxPageState = {},
): Promise<FastifyReply> {
  const t = translatorFor(request, reply);
  const { store } = web.services;
  const d = await loadDirectory(web, await webJurisdiction(web), t.locale);
  const where = toInboxWhere(q, d);
  const [rows, total, saved] = await Promise.all([
    where ? store.listInbox({ ...where, sort: sortOf(q), limit: INBOX_PAGE_SIZE, offset: (q.page - 1) * INBOX_PAGE_SIZE }) : [],
    where ? store.countInbox(where) : 0,
    store.listSavedFilters(currentStaff(request).user.id),
  ]);
  const markers = requestMarkers(rows, (r) => `${r.id} · ${d.serviceName(r.service_code, r.service_name)} · ${statusLabel(t, r.status)}`,
    (r) => `/staff/requests/${encodeURIComponent(r.id)}`);
  const main = html`<h1>${t('inbox.title')}</h1>
${errorSummary(t, state.errors ?? [])}${notice(state.notice)}
<div class="inbox-layout">
<div class="inbox-side">
${filterForm(t, q, d)}
${savedFilters(request, t, q, saved, state.errors ?? [])}
</div>
<div class="inbox-results">
<p class="inbox-total">${t.plural('inbox.total', total)}</p>
${exportLink(t, q, total)}
${mapBlock(web, { id: 'inbox-map', label: t('inbox.map.label'), markers })}
${resultsTable(t, q, d, rows, caption(t, q, rows, total), web.services.now(), await reporterUpdated(web, rows.map((r) => r.id)))}
${pager(t, q, Math.ceil(total / INBOX_PAGE_SIZE))}
</div>
</div>`;
  return sendStaffPage(request, reply, web, {
    title: t('inbox.title'), main, status: state.status, map: markers.length > 0, scripts: ['staff-inbox.js', ...(markers.length > 0 ? ['staff-map.js'] : [])],
  });
}
