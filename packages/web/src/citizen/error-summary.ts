/** The list of problems at the top of a form, each linking to its field (GOV.UK pattern). */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { FieldError } from './report-check.js';

export const ERROR_SUMMARY_ID = 'error-summary';

export function errorSummary(t: Translator, errors: readonly FieldError[], serverProblems: readonly string[] = []): Html {
  const hidden = errors.length === 0 && serverProblems.length === 0;
  return html`<div class="error-summary" id="${ERROR_SUMMARY_ID}" tabindex="-1" role="alert" aria-labelledby="${ERROR_SUMMARY_ID}-title"${
    hidden ? html` hidden` : ''
  }>
<h2 id="${ERROR_SUMMARY_ID}-title">${t('report.errorSummary')}</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.id}">${e.message}</a></li>`)}${serverProblems.map((p) => html`<li>${p}</li>`)}</ul>
</div>`;
}
