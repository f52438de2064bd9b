/** The requests of one inbox page as a table; each row links to the request page. */
import { EXTENDED_STATUSES } from '@o311/georeport';
import type { TriagedRequest } from '@o311/store';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { priorityLabel, publicStatusLabel, statusLabel } from '../request/status-labels.js';
import type { Directory } from './directory.js';
import type { InboxQuery } from './query.js';
import { sortHeader } from './sort-header.js';
import { scrollRegion } from './scroll-region.js';
import { reporterMarker } from '../../reporter/staff-marks.js';
import { channelLabel } from '../../channel-label.js';

const EXCERPT = 80;
const excerpt = (s: string | null): string => (s === null ? '' : s.length > EXCERPT ? `${s.slice(0, EXCERPT - 1)}…` : s);

function assigned(t: Translator, r: TriagedRequest, d: Directory): Html {
  const names = [d.departmentName(r.assigned_department_id), d.userName(r.assigned_user_id)].filter((n) => n !== undefined);
  return names.length > 0 ? html`${names.join(' · ')}` : html`<span class="inbox-muted">${t('inbox.unassigned')}</span>`;
}

function row(t: Translator, r: TriagedRequest, d: Directory, now: number, reporterUpdates: ReadonlySet<string>): Html {
  const tz = d.jurisdiction.timezone;
  const overdue = r.expected_at !== null && r.expected_at < now && EXTENDED_STATUSES[r.status] === 'open';
  return html`<tr>
<th scope="row"><a href="/staff/requests/${encodeURIComponent(r.id)}">${r.id}</a>${reporterUpdates.has(r.id) ? reporterMarker(t) : ''}</th>
<td>${d.serviceName(r.service_code, r.service_name)}<span class="sr-only">, </span><span class="inbox-channel inbox-channel-${r.channel}">${channelLabel(t, r.channel)}</span></td>
<td><span class="inbox-status inbox-status-${EXTENDED_STATUSES[r.status]}">${statusLabel(t, r.status)}</span><span class="sr-only"> (${publicStatusLabel(t, EXTENDED_STATUSES[r.status])})</span></td>
<td><span class="inbox-priority inbox-priority-${r.priority}">${priorityLabel(t, r.priority)}</span></td>
<td>${r.address ? html`<span class="inbox-address">${r.address}</span>` : ''}<span class="inbox-excerpt">${excerpt(r.description)}</span></td>
<td>${assigned(t, r, d)}</td>
<td>${t.dateTime(r.requested_at, tz)}</td>
<td>${t.dateTime(r.updated_at, tz)}</td>
<td>${r.expected_at === null ? '' : html`${t.date(r.expected_at, tz)}${overdue ? html` <strong class="inbox-overdue">${t('inbox.overdue')}</strong>` : ''}`}</td>
</tr>`;
}

export function resultsTable(
  t: Translator, q: InboxQuery, d: Directory, rows: readonly TriagedRequest[], caption: string, now: number,
  /** Requests with an update from their reporter since staff last acted. */
  reporterUpdates: ReadonlySet<string> = new Set(),
): Html {
  if (rows.length === 0) return html`<p class="inbox-empty">${t('inbox.empty')}</p>`;
  return scrollRegion(caption, html`<table class="inbox-table">
<caption>${caption}</caption>
<thead><tr>
<th scope="col">${t('inbox.col.id')}</th>
<th scope="col">${t('inbox.col.service')}</th>
<th scope="col">${t('inbox.col.status')}</th>
${sortHeader(t, q, 'priority', t('inbox.col.priority'))}
<th scope="col">${t('inbox.col.where')}</th>
<th scope="col">${t('inbox.col.assigned')}</th>
${sortHeader(t, q, 'requested_at', t('inbox.col.requested'))}
${sortHeader(t, q, 'updated_at', t('inbox.col.updated'))}
${sortHeader(t, q, 'expected_at', t('inbox.col.expected'))}
</tr></thead>
<tbody>${rows.map((r) => row(t, r, d, now, reporterUpdates))}</tbody>
</table>`);
}
