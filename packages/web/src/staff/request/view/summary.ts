/** The facts of a request: service, status, priority, dates, channel, place, assignment, duplicate link. */
import { EXTENDED_STATUSES } from '@o311/georeport';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import type { RequestPageData } from '../load.js';
import { channelLabel } from '../../../channel-label.js';
import { priorityLabel, statusWithPublic } from '../status-labels.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function due(t: Translator, data: RequestPageData, now: number): Html {
  const r = data.request;
  if (r.expected_at === null) return html`${t('inbox.req.noExpected')}`;
  const when = t.dateTime(r.expected_at, data.directory.jurisdiction.timezone);
  if (EXTENDED_STATUSES[r.status] === 'closed') return html`${when}`;
  const note = r.expected_at < now
    ? html`<strong class="request-overdue">${t('inbox.overdue')}</strong>`
    : t('inbox.req.dueIn', { days: Math.ceil((r.expected_at - now) / DAY_MS) });
  return html`${when} (${note})`;
}

const fact = (label: string, value: Html | string): Html => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;

export function summary(t: Translator, data: RequestPageData, now: number): Html {
  const r = data.request;
  const d = data.directory;
  const tz = d.jurisdiction.timezone;
  const place = [r.address, r.zipcode].filter((x) => x !== null && x !== '').join(', ');
  const coords = r.lat !== null && r.long !== null ? `${r.lat}, ${r.long}` : '';
  return html`<dl class="request-facts">
${fact(t('inbox.col.service'), html`${d.serviceName(r.service_code, r.service_name)} <span class="inbox-muted">(${r.service_code})</span>`)}
${fact(t('inbox.col.status'), statusWithPublic(t, r.status))}
${fact(t('inbox.col.priority'), priorityLabel(t, r.priority))}
${fact(t('inbox.col.requested'), t.dateTime(r.requested_at, tz))}
${fact(t('channel.label'), channelLabel(t, r.channel))}
${fact(t('inbox.col.updated'), t.dateTime(r.updated_at, tz))}
${fact(t('inbox.col.expected'), due(t, data, now))}
${fact(t('inbox.req.address'), place || t('inbox.req.none'))}
${coords ? fact(t('inbox.req.coordinates'), coords) : ''}
${r.agency_responsible ? fact(t('inbox.req.agency'), r.agency_responsible) : ''}
${fact(t('inbox.filter.department'), d.departmentName(r.assigned_department_id) ?? t('inbox.unassigned'))}
${fact(t('inbox.filter.agent'), d.userName(r.assigned_user_id) ?? t('inbox.unassigned'))}
${r.duplicate_of ? fact(t('inbox.req.duplicateOf'), html`<a href="/staff/requests/${encodeURIComponent(r.duplicate_of)}">${r.duplicate_of}</a>`) : ''}
${r.status_notes ? fact(t('inbox.req.statusNotes'), r.status_notes) : ''}
</dl>`;
}
