/** The status field of the request form: any extended status, with what the public API shows. */
import { type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, selectField } from '../../forms/fields.js';
import { FIELDS } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';
import { STATUSES, statusWithPublic } from '../status-labels.js';

export function statusField(t: Translator, data: RequestPageData, s: FormState): Html {
  const { status } = FIELDS;
  return selectField({
    id: status.id, name: status.name, label: t('reqform.status'), value: valueOf(s, status.name, data.request.status),
    choices: STATUSES.map((x) => ({ value: x, label: statusWithPublic(t, x) })), error: errorFor(s.errors, status.id),
  });
}
