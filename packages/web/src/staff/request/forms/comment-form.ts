/** A public reply (on the tracker and the API, followers told) or an internal note (staff only). */
import type { FastifyRequest } from 'fastify';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, radioGroup, textArea } from '../../forms/fields.js';
import { FIELDS } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';
import { actionForm } from './action-form.js';

export const VISIBILITIES = ['internal', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export function commentForm(request: FastifyRequest, t: Translator, data: RequestPageData, s: FormState): Html {
  const { comment, visibility } = FIELDS;
  const body = html`${textArea({
    id: comment.id, name: comment.name, label: t('inbox.req.comment'), required: true,
    value: valueOf(s, comment.name, ''), error: errorFor(s.errors, comment.id),
  })}
${radioGroup({
  id: visibility.id, name: visibility.name, legend: t('inbox.req.visibility'), value: valueOf(s, visibility.name, 'internal'),
  error: errorFor(s.errors, visibility.id),
  choices: [
    { value: 'internal', label: t('inbox.req.internal'), hint: t('inbox.req.internalHint') },
    { value: 'public', label: t('inbox.req.public'), hint: t('inbox.req.publicHint') },
  ],
})}`;
  return actionForm(request, { requestId: data.request.id, action: 'comment', title: t('inbox.req.addComment'), submit: t('inbox.req.addComment'), body });
}
