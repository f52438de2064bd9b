/**
 * The inbox filters: a GET form, so it works without JavaScript and its result
 * is a shareable URL. It folds into a <details> so a phone reaches the
 * requests first; browser/staff-inbox.ts opens it on wide screens.
 */
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { checkbox, checkboxGroup, selectField, textInput, type Choice } from '../forms/fields.js';
import { STATUSES, priorityLabel, statusLabel } from '../request/status-labels.js';
import { PRIORITIES } from '@o311/store';
import { REQUEST_CHANNELS } from '@o311/georeport';
import { channelLabel } from '../../channel-label.js';
import type { Directory } from './directory.js';
import { ALL_STATUSES, type InboxQuery } from './query.js';

const anyChoice = (t: Translator): Choice => ({ value: '', label: t('inbox.filter.any') });

function statusChoices(t: Translator): Choice[] {
  const wide: Choice[] = [
    { value: ALL_STATUSES, label: t('inbox.filter.allStatuses') },
    { value: 'open', label: t('inbox.filter.allOpen') },
    { value: 'closed', label: t('inbox.filter.allClosed') },
  ];
  const detailed = STATUSES.filter((s) => s !== 'open' && s !== 'closed').map((s) => ({ value: s, label: statusLabel(t, s) }));
  return [...wide, ...detailed];
}

export function filterForm(t: Translator, q: InboxQuery, d: Directory): Html {
  const services = [anyChoice(t), ...d.services.map((s) => ({ value: s.service_code, label: d.serviceName(s.service_code, s.service_name) }))];
  const groups = [anyChoice(t), ...d.groups.map((g) => ({ value: g, label: g }))];
  const departments = [anyChoice(t), ...d.departments.map((x) => ({ value: x.id, label: x.name }))];
  const agents = [anyChoice(t), ...d.assignees.map((u) => ({ value: u.id, label: u.name }))];
  return html`<details class="inbox-fold inbox-filters" data-open-wide>
<summary id="inbox-filters-title">${t('inbox.filter.title')}</summary>
<form method="get" action="/staff" role="search" aria-labelledby="inbox-filters-title">
${textInput({ id: 'inbox-q', name: 'q', type: 'search', label: t('inbox.filter.text'), hint: t('inbox.filter.textHint'), value: q.text })}
${checkboxGroup({
  id: 'inbox-status', name: 'status', legend: t('inbox.filter.status'), choices: statusChoices(t),
  checked: q.statuses.length === 0 ? [ALL_STATUSES] : q.statuses,
})}
<p class="svc-hint inbox-status-hint">${t('inbox.filter.statusHint')}</p>
${selectField({ id: 'inbox-service', name: 'service', label: t('inbox.filter.service'), value: q.services[0] ?? '', choices: services })}
${selectField({ id: 'inbox-group', name: 'group', label: t('inbox.filter.group'), value: q.group, choices: groups })}
<fieldset class="inbox-dates"><legend>${t('inbox.filter.requested')}</legend>
${textInput({ id: 'inbox-from', name: 'from', type: 'date', label: t('inbox.filter.from'), value: q.from })}
${textInput({ id: 'inbox-to', name: 'to', type: 'date', label: t('inbox.filter.to'), value: q.to })}
</fieldset>
<fieldset><legend>${t('inbox.filter.assigned')}</legend>
${selectField({ id: 'inbox-department', name: 'department', label: t('inbox.filter.department'), value: q.department, choices: departments })}
${selectField({ id: 'inbox-agent', name: 'agent', label: t('inbox.filter.agent'), value: q.agent, choices: agents })}
${checkbox({ id: 'inbox-unassigned', name: 'unassigned', label: t('inbox.filter.unassigned'), checked: q.unassigned })}
</fieldset>
${checkboxGroup({
  id: 'inbox-priority', name: 'priority', legend: t('inbox.filter.priority'),
  choices: PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) })), checked: q.priorities,
})}
${checkboxGroup({
  id: 'inbox-channel', name: 'channel', legend: t('channel.label'),
  choices: REQUEST_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) })), checked: q.channels,
})}
${q.sort !== 'requested_at' || q.direction !== 'desc'
  ? html`<input type="hidden" name="sort" value="${q.sort}"><input type="hidden" name="dir" value="${q.direction}">`
  : ''}
<div class="inbox-filter-actions"><button type="submit">${t('inbox.filter.apply')}</button> <a href="/staff">${t('inbox.filter.clear')}</a></div>
</form>
</details>`;
}
