/** Assignment (department, agent), priority and the expected date, offered from the service's SLA when unset. */
import { PRIORITIES } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, selectField, textInput } from '../../forms/fields.js';
import { FIELDS } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';
import { toLocalInput } from '../local-time.js';
import { priorityLabel } from '../status-labels.js';

const HOUR_MS = 60 * 60 * 1000;

/** The current expected date, else the one the service's SLA gives, as a datetime-local value. */
export function expectedDefault(data: RequestPageData): string {
  const r = data.request;
  const tz = data.directory.jurisdiction.timezone;
  if (r.expected_at !== null) return toLocalInput(r.expected_at, tz);
  const sla = data.service?.sla_hours;
  return sla === null || sla === undefined ? '' : toLocalInput(r.requested_at + sla * HOUR_MS, tz);
}

function expectedHint(t: Translator, data: RequestPageData): string {
  const sla = data.service?.sla_hours;
  const zone = t('inbox.req.expectedZone', { zone: data.directory.jurisdiction.timezone });
  if (sla === null || sla === undefined) return zone;
  const key = data.request.expected_at === null ? 'inbox.req.expectedFromSla' : 'inbox.req.slaIs';
  return `${t(key, { hours: t.number(sla) })} ${zone}`;
}

export function triageFields(t: Translator, data: RequestPageData, s: FormState): Html {
  const { department, agent, priority, expected } = FIELDS;
  const r = data.request;
  const d = data.directory;
  const none = { value: '', label: t('inbox.unassigned') };
  return html`${selectField({
    id: department.id, name: department.name, label: t('inbox.filter.department'), error: errorFor(s.errors, department.id),
    value: valueOf(s, department.name, r.assigned_department_id ?? ''),
    choices: [none, ...d.departments.map((x) => ({ value: x.id, label: x.name }))],
  })}
${selectField({
  id: agent.id, name: agent.name, label: t('inbox.filter.agent'), error: errorFor(s.errors, agent.id),
  value: valueOf(s, agent.name, r.assigned_user_id ?? ''),
  choices: [none, ...d.assignees.map((u) => ({ value: u.id, label: u.name }))],
})}
${selectField({
  id: priority.id, name: priority.name, label: t('inbox.col.priority'), error: errorFor(s.errors, priority.id),
  value: valueOf(s, priority.name, r.priority), choices: PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) })),
})}
${textInput({
  id: expected.id, name: expected.name, type: 'datetime-local', label: t('inbox.col.expected'), hint: expectedHint(t, data),
  value: valueOf(s, expected.name, expectedDefault(data)), error: errorFor(s.errors, expected.id),
})}`;
}
