/** `/validate`: the introduction, this server's own endpoint as a one-click example, the form (with the last refusal, if any) and the recent runs of registered endpoints. */
import type { ValidationRun } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import { ownEndpointOffer } from './own-endpoint-offer.js';
import { runsTable, type EndpointNames } from './runs-table.js';
import { validateForm, type FormView } from './validate-form.js';

export interface FormPageView extends FormView {
  recent: readonly ValidationRun[];
  names: EndpointNames;
}

export function formPage(t: Translator, view: FormPageView): Html {
  return html`<h1>${t('validate.title')}</h1>
<p class="lead">${t('validate.intro')}</p>
${view.refused !== undefined ? errorSummary(t, [{ id: 'validate-url', message: view.refused }]) : ''}
${ownEndpointOffer(t, view.ownUrl)}
${validateForm(t, view)}
<section aria-labelledby="validate-recent-title" class="validate-recent">
<h2 id="validate-recent-title">${t('validate.recentTitle')}</h2>
${view.recent.length === 0 ? html`<p>${t('validate.recentNone')}</p>` : runsTable(t, view.recent, view.names)}
</section>`;
}
