/** The list of problems at the top of a form, each linking to its field; focused when the page loads. */
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import type { FieldError } from './fields.js';

export function errorSummary(t: Translator, errors: readonly FieldError[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="svc-error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t('inbox.form.errorSummary')}</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

/** A one-line confirmation after a redirect (`?done=…`), announced politely. */
export const notice = (message: string | undefined): Html =>
  message ? html`<p class="svc-notice" role="status">${message}</p>` : html``;
