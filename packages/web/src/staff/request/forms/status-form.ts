/** Change the status (any extended status) with an optional public note. */
import type { FastifyRequest } from 'fastify';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, selectField, textArea } from '../../forms/fields.js';
import { FIELDS } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';
import { STATUSES, statusWithPublic } from '../status-labels.js';
import { actionForm } from './action-form.js';

export function statusForm(request: FastifyRequest, t: Translator, data: RequestPageData, s: FormState): Html {
  const { status, note } = FIELDS;
  const body = html`${selectField({
    id: status.id, name: status.name, label: t('inbox.req.newStatus'), value: valueOf(s, status.name, data.request.status),
    choices: STATUSES.map((x) => ({ value: x, label: statusWithPublic(t, x) })), error: errorFor(s.errors, status.id),
  })}
${textArea({
  id: note.id, name: note.name, label: t('inbox.req.publicNote'), hint: t('inbox.req.publicNoteHint'),
  value: valueOf(s, note.name, ''), error: errorFor(s.errors, note.id),
})}`;
  return actionForm(request, { requestId: data.request.id, action: 'status', title: t('inbox.req.changeStatus'), submit: t('inbox.req.changeStatus'), body });
}
