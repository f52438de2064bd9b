/**
 * POST …/update, the request page's one form: every field is checked before
 * anything is written, then triage, status and message go through the same
 * server services as the single actions (each change audited once). A public
 * reply given with a new status is that change's public note, so the public
 * history and the followers get one update, and the followers are told once.
 */
import { addComment, MAX_COMMENT_LENGTH, updateTriage } from '@o311/server';
import type { ExtendedStatus } from '@o311/georeport';
import { formText } from '../../../form.js';
import { notifySafely } from '../../../mail/notify-safely.js';
import type { FieldError } from '../../forms/fields.js';
import { namedErrors } from '../field-labels.js';
import { FIELDS } from '../fields.js';
import { isVisibility, type Visibility } from '../forms/comment-form.js';
import { isExtendedStatus } from '../status-labels.js';
import { applyStatusChange } from './apply-status.js';
import { actorOf, jurisdictionOf, type ActionContext, type RequestAction } from './types.js';
import { readPatch, type Patch } from './update-triage.js';

interface Plan {
  status: ExtendedStatus | undefined;
  message: { text: string; visibility: Visibility } | undefined;
  patch: Patch;
}

function readPlan(c: ActionContext): { plan: Plan; errors: FieldError[] } {
  const { patch, errors } = readPatch(c);
  const status = formText(c.request, FIELDS.status.name);
  // Browsers send a textarea's line ends as CRLF; the history and the API keep LF.
  const text = formText(c.request, FIELDS.comment.name).replace(/\r\n?/g, '\n');
  const visibility = formText(c.request, FIELDS.visibility.name);
  if (!isExtendedStatus(status)) errors.unshift({ field: FIELDS.status.id, message: c.t('inbox.req.statusInvalid') });
  if (text.length > MAX_COMMENT_LENGTH) errors.push({ field: FIELDS.comment.id, message: c.t('inbox.req.tooLong', { max: MAX_COMMENT_LENGTH }) });
  if (text !== '' && !isVisibility(visibility)) errors.push({ field: FIELDS.visibility.id, message: c.t('inbox.req.visibilityMissing') });
  const changed = isExtendedStatus(status) && status !== c.data.request.status ? status : undefined;
  const message = text !== '' && isVisibility(visibility) ? { text, visibility } : undefined;
  return { plan: { status: changed, message, patch }, errors };
}

export const saveRequest: RequestAction = async (c) => {
  const { plan, errors } = readPlan(c);
  if (errors.length > 0) return { errors: namedErrors(c.t, errors) };
  const { status, message, patch } = plan;
  if (status === undefined && message === undefined && Object.keys(patch).length === 0) return { done: 'unchanged' };
  const jurisdiction_id = jurisdictionOf(c);
  const request_id = c.data.request.id;
  const actor = actorOf(c);
  if (Object.keys(patch).length > 0) await updateTriage(c.web.services, actor, request_id, { jurisdiction_id, ...patch });
  const reply = message?.visibility === 'public' ? message.text : undefined;
  if (status !== undefined) await applyStatusChange(c, status, reply ?? '');
  if (message !== undefined && (status === undefined || reply === undefined)) {
    await addComment(c.web.services, actor, request_id, { jurisdiction_id, text: message.text, public: reply !== undefined });
  }
  if (status !== undefined || reply !== undefined) await notifySafely(c.web, c.request, jurisdiction_id, request_id);
  return { done: 'saved' };
};
