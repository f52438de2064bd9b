/**
 * Response templates: a GET form that reloads the page with the chosen
 * template in the note (status note when the template is meant for a status,
 * else the reply). browser/staff-request.ts does the same in place.
 */
import type { ResponseTemplate } from '@o311/store';
import { html, jsonData, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { selectField } from '../../forms/fields.js';
import { FIELDS, requestPath } from '../fields.js';
import type { RequestPageData } from '../load.js';
import { statusLabel } from '../status-labels.js';

/** Read by browser/staff-request.ts (keep the two in step). */
export interface TemplateData {
  id: string;
  status: string | null;
  body: string;
}

/** The form values a template fills in. */
export function templateValues(template: ResponseTemplate): Record<string, string> {
  return template.status === null
    ? { [FIELDS.comment.name]: template.body, [FIELDS.visibility.name]: 'public' }
    : { [FIELDS.status.name]: template.status, [FIELDS.note.name]: template.body };
}

export function templatePicker(t: Translator, data: RequestPageData, chosen: string): Html {
  if (data.templates.length === 0) return html``;
  const choices = data.templates.map((x) => ({
    value: x.id, label: x.status === null ? x.name : `${x.name} (${statusLabel(t, x.status)})`,
  }));
  const blocks: TemplateData[] = data.templates.map((x) => ({ id: x.id, status: x.status, body: x.body }));
  return html`<section class="request-action" id="request-template" aria-labelledby="request-template-title">
<h3 id="request-template-title">${t('inbox.req.templates')}</h3>
<form method="get" action="${requestPath(data.request.id)}#request-template" class="request-template-form" data-templates="request-templates-data">
${selectField({ id: FIELDS.template.id, name: FIELDS.template.name, label: t('inbox.req.template'), hint: t('inbox.req.templateHint'), value: chosen, choices })}
<button type="submit">${t('inbox.req.useTemplate')}</button>
</form>
<script type="application/json" id="request-templates-data">${jsonData(blocks)}</script>
</section>`;
}
