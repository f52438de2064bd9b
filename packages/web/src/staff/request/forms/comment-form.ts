/**
 * The message of the request form: a public reply (on the tracker and the
 * API, followers told) or an internal note (staff only), optional.
 */
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, radioGroup, textArea } from '../../forms/fields.js';
import { FIELDS } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';

export const VISIBILITIES = ['internal', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const isVisibility = (s: string): s is Visibility => (VISIBILITIES as readonly string[]).includes(s);

/** The text (a refused status POST sent it as `note`: it is shown here). */
export function commentFields(t: Translator, s: FormState): Html {
  const { comment, visibility, note } = FIELDS;
  return html`${textArea({
    id: comment.id, name: comment.name, label: t('reqform.message'), hint: t('reqform.messageHint'),
    value: valueOf(s, comment.name, valueOf(s, note.name, '')), error: errorFor(s.errors, comment.id),
  })}
${radioGroup({
  id: visibility.id, name: visibility.name, legend: t('inbox.req.visibility'), value: valueOf(s, visibility.name, 'internal'),
  error: errorFor(s.errors, visibility.id),
  choices: [
    { value: 'internal', label: t('inbox.req.internal'), hint: t('inbox.req.internalHint') },
    { value: 'public', label: t('inbox.req.public'), hint: t('inbox.req.publicHint') },
  ],
})}`;
}
