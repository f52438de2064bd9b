/** The one form's field labels by control id, so that each error in the summary names its field. */
import type { MessageKey, Translator } from '../../i18n/translate.js';
import type { FieldError } from '../forms/fields.js';
import { FIELDS } from './fields.js';

const LABELS: Readonly<Record<string, MessageKey>> = {
  [FIELDS.status.id]: 'reqform.status',
  [FIELDS.service.id]: 'serviceMove.label',
  [FIELDS.comment.id]: 'reqform.message',
  [FIELDS.visibility.id]: 'inbox.req.visibility',
  [FIELDS.department.id]: 'inbox.filter.department',
  [FIELDS.agent.id]: 'inbox.filter.agent',
  [FIELDS.priority.id]: 'inbox.col.priority',
  [FIELDS.expected.id]: 'inbox.col.expected',
};

/** "Expected: Enter a date and time, or leave it empty." */
export const namedErrors = (t: Translator, errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => (Object.hasOwn(LABELS, e.field) ? { ...e, message: `${t(LABELS[e.field]!)}: ${e.message}` } : e));
