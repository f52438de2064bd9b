/**
 * Response templates inside the request form: a list and an "Insert" submit
 * button that posts the whole form to …/template, which answers with the same
 * form, every field kept, the template's text added after the typed message
 * (and its status chosen). browser/staff-request.ts does the same in place.
 */
import type { ResponseTemplate } from '@o311/store';
import { html, jsonData, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorFor, selectField } from '../../forms/fields.js';
import { FIELDS, templateInsertPath } from '../fields.js';
import { valueOf, type FormState } from '../form-state.js';
import type { RequestPageData } from '../load.js';
import { statusLabel } from '../status-labels.js';

/** Read by browser/staff-request.ts (keep the two in step). */
export interface TemplateData {
  id: string;
  status: string | null;
  body: string;
}

export const TEMPLATES_DATA_ID = 'request-templates-data';

/** The form values after inserting a template into `values` (what was typed is kept). */
export function templateValues(template: ResponseTemplate, values: Readonly<Record<string, string>> = {}): Record<string, string> {
  const typed = (values[FIELDS.comment.name] ?? '').trimEnd();
  return {
    ...values,
    [FIELDS.template.name]: template.id,
    [FIELDS.comment.name]: typed === '' ? template.body : `${typed}\n\n${template.body}`,
    [FIELDS.visibility.name]: 'public',
    ...(template.status !== null ? { [FIELDS.status.name]: template.status } : {}),
  };
}

export function templatePicker(t: Translator, data: RequestPageData, s: FormState): Html {
  if (data.templates.length === 0) return html``;
  const choices = [{ value: '', label: t('reqform.templateNone') }, ...data.templates.map((x) => ({
    value: x.id, label: x.status === null ? x.name : `${x.name} (${statusLabel(t, x.status)})`,
  }))];
  const { template } = FIELDS;
  return html`<div class="request-template">
${selectField({
  id: template.id, name: template.name, label: t('inbox.req.template'), hint: t('reqform.templateHint'),
  value: valueOf(s, template.name, ''), choices, error: errorFor(s.errors, template.id),
})}
<button type="submit" class="secondary request-insert" formaction="${templateInsertPath(data.request.id)}#${FIELDS.comment.id}" data-insert-template>${t('reqform.insertTemplate')}</button>
</div>`;
}

/** The templates for the script, outside the form. */
export function templatesData(data: RequestPageData): Html {
  if (data.templates.length === 0) return html``;
  const blocks: TemplateData[] = data.templates.map((x) => ({ id: x.id, status: x.status, body: x.body }));
  return html`<script type="application/json" id="${TEMPLATES_DATA_ID}">${jsonData(blocks)}</script>`;
}
