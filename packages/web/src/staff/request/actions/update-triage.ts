/**
 * POST …/triage: department, agent, priority and expected date; only what
 * changed is sent to the server's service (which writes and audits it).
 */
import { updateTriage as updateTriageService, type TriageInput } from '@o311/server';
import type { FieldError } from '../../forms/fields.js';
import { formText } from '../../../form.js';
import { FIELDS } from '../fields.js';
import { fromLocalInput, toLocalInput } from '../local-time.js';
import { isPriority } from '../status-labels.js';
import { actorOf, jurisdictionOf, type ActionContext, type RequestAction } from './types.js';

export type Patch = Omit<TriageInput, 'jurisdiction_id'>;

export function readPatch(c: ActionContext): { patch: Patch; errors: FieldError[] } {
  const r = c.data.request;
  const d = c.data.directory;
  const errors: FieldError[] = [];
  const patch: Patch = {};
  const department = formText(c.request, FIELDS.department.name);
  const agent = formText(c.request, FIELDS.agent.name);
  const priority = formText(c.request, FIELDS.priority.name);
  const expected = formText(c.request, FIELDS.expected.name);
  if (department !== '' && !d.departments.some((x) => x.id === department)) {
    errors.push({ field: FIELDS.department.id, message: c.t('inbox.req.departmentUnknown') });
  } else if (department !== (r.assigned_department_id ?? '')) patch.assigned_department_id = department || null;
  if (agent !== '' && !d.assignees.some((u) => u.id === agent)) {
    errors.push({ field: FIELDS.agent.id, message: c.t('inbox.req.agentUnknown') });
  } else if (agent !== (r.assigned_user_id ?? '')) patch.assigned_user_id = agent || null;
  if (!isPriority(priority)) errors.push({ field: FIELDS.priority.id, message: c.t('inbox.req.priorityInvalid') });
  else if (priority !== r.priority) patch.priority = priority;
  const tz = d.jurisdiction.timezone;
  const expectedAt = expected === '' ? null : fromLocalInput(expected, tz);
  // The input holds minutes: the date as shown, sent back, is no change.
  const shown = r.expected_at === null ? '' : toLocalInput(r.expected_at, tz);
  if (expectedAt === undefined) errors.push({ field: FIELDS.expected.id, message: c.t('inbox.req.expectedInvalid') });
  else if (expected !== shown) patch.expected_at = expectedAt;
  return { patch, errors };
}

export const updateTriage: RequestAction = async (c) => {
  const { patch, errors } = readPatch(c);
  if (errors.length > 0) return { errors };
  if (Object.keys(patch).length === 0) return { done: 'unchanged' };
  await updateTriageService(c.web.services, actorOf(c), c.data.request.id, { jurisdiction_id: jurisdictionOf(c), ...patch });
  return { done: 'triage' };
};
