/** Close the request as a duplicate of another one, with a public note linking to it. */
import type { FastifyRequest } from 'fastify';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, textArea, textInput } from '../../forms/fields.js';
import { FIELDS } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';
import { actionForm } from './action-form.js';

export function duplicateForm(request: FastifyRequest, t: Translator, data: RequestPageData, s: FormState): Html {
  const { duplicateOf, duplicateNote } = FIELDS;
  const body = html`${textInput({
    id: duplicateOf.id, name: duplicateOf.name, label: t('inbox.req.originalId'), hint: t('inbox.req.duplicateHint'), required: true,
    value: valueOf(s, duplicateOf.name, data.request.duplicate_of ?? ''), error: errorFor(s.errors, duplicateOf.id),
  })}
${textArea({
  id: duplicateNote.id, name: duplicateNote.name, label: t('inbox.req.duplicateNote'), rows: 2,
  value: valueOf(s, duplicateNote.name, ''), error: errorFor(s.errors, duplicateNote.id),
})}`;
  return actionForm(request, { requestId: data.request.id, action: 'duplicate', title: t('inbox.req.markDuplicate'), submit: t('inbox.req.markDuplicate'), body });
}
