/**
 * POST …/update, the request page's one form: every field is checked before
 * anything is written, then triage, service, status and message go through the same
 * server services as the single actions (each change audited once). A public
 * reply given with a new status is that change's public note, so the public
 * history and the followers get one update, and the followers are told once.
 * Triage goes before the service move, so that an expected date offered from
 * the old service's SLA is still taken for the SLA's and follows the new one.
 */
import { addComment, MAX_COMMENT_LENGTH, moveRequestService, updateTriage } from '@o311/server';
import type { ExtendedStatus } from '@o311/georeport';
import { formText } from '../../../form.js';
import { notifySafely } from '../../../mail/notify-safely.js';
import type { FieldError } from '../../forms/fields.js';
import { namedErrors } from '../field-labels.js';
import { FIELDS } from '../fields.js';
import { isVisibility, type Visibility } from '../forms/comment-form.js';
import { movableServices } from '../forms/service-field.js';
import { isExtendedStatus } from '../status-labels.js';
import { applyStatusChange } from './apply-status.js';
import { actorOf, jurisdictionOf, type ActionContext, type RequestAction } from './types.js';
import { readPatch, type Patch } from './update-triage.js';

interface Plan {
  status: ExtendedStatus | undefined;
  /** The service to move the request to. */
  service: string | undefined;
  message: { text: string; visibility: Visibility } | undefined;
  patch: Patch;
}

function readPlan(c: ActionContext): { plan: Plan; errors: FieldError[] } {
  const { patch, errors } = readPatch(c);
  const status = formText(c.request, FIELDS.status.name);
  // Browsers send a textarea's line ends as CRLF; the history and the API keep LF.
  const text = formText(c.request, FIELDS.comment.name).replace(/\r\n?/g, '\n');
  const visibility = formText(c.request, FIELDS.visibility.name);
  // Absent (a form of an older page): the service stays.
  const service = formText(c.request, FIELDS.service.name) || c.data.request.service_code;
  const moved = service !== c.data.request.service_code;
  if (moved && !movableServices(c.data).some((x) => x.service_code === service)) {
    errors.unshift({ field: FIELDS.service.id, message: c.t('serviceMove.unknown') });
  }
  if (!isExtendedStatus(status)) errors.unshift({ field: FIELDS.status.id, message: c.t('inbox.req.statusInvalid') });
  if (text.length > MAX_COMMENT_LENGTH) errors.push({ field: FIELDS.comment.id, message: c.t('inbox.req.tooLong', { max: MAX_COMMENT_LENGTH }) });
  if (text !== '' && !isVisibility(visibility)) errors.push({ field: FIELDS.visibility.id, message: c.t('inbox.req.visibilityMissing') });
  const changed = isExtendedStatus(status) && status !== c.data.request.status ? status : undefined;
  const message = text !== '' && isVisibility(visibility) ? { text, visibility } : undefined;
  return { plan: { status: changed, service: moved ? service : undefined, message, patch }, errors };
}

export const saveRequest: RequestAction = async (c) => {
  const { plan, errors } = readPlan(c);
  if (errors.length > 0) return { errors: namedErrors(c.t, errors) };
  const { status, service, message, patch } = plan;
  if (status === undefined && service === undefined && message === undefined && Object.keys(patch).length === 0) return { done: 'unchanged' };
  const jurisdiction_id = jurisdictionOf(c);
  const request_id = c.data.request.id;
  const actor = actorOf(c);
  if (Object.keys(patch).length > 0) await updateTriage(c.web.services, actor, request_id, { jurisdiction_id, ...patch });
  const moved = service !== undefined && (await moveRequestService(c.web.services, actor, request_id, { jurisdiction_id, service_code: service })).moved;
  const reply = message?.visibility === 'public' ? message.text : undefined;
  if (status !== undefined) await applyStatusChange(c, status, reply ?? '');
  if (message !== undefined && (status === undefined || reply === undefined)) {
    await addComment(c.web.services, actor, request_id, { jurisdiction_id, text: message.text, public: reply !== undefined });
  }
  if (moved || status !== undefined || reply !== undefined) await notifySafely(c.web, c.request, jurisdiction_id, request_id);
  return { done: 'saved' };
};
