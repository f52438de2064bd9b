/** `/validate/endpoint/{slug}`: a registered endpoint's recent runs and its badge, with the markup to show it elsewhere. */
import type { Endpoint, ValidationRun } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { runsTable } from './runs-table.js';
import { badgePath, VALIDATE_PATH } from './paths.js';

export function endpointPage(t: Translator, endpoint: Endpoint, runs: readonly ValidationRun[], origin: string): Html {
  const badge = `${origin}${badgePath(endpoint.slug)}`;
  return html`<h1>${t('validate.endpointTitle', { name: endpoint.name })}</h1>
<p class="lead"><span class="run-url">${endpoint.discovery_url ?? endpoint.base_url ?? ''}</span></p>
${runs.length === 0 ? html`<p>${t('validate.endpointNone')}</p>` : runsTable(t, runs)}
<section aria-labelledby="validate-badge-title"><h2 id="validate-badge-title">${t('validate.badgeTitle')}</h2>
<p><img src="${badgePath(endpoint.slug)}" alt="" height="20"></p>
<p><label for="validate-badge-markup">${t('validate.badgeHelp')}</label></p>
<pre id="validate-badge-markup" tabindex="0">${`<img src="${badge}" alt="Open311 validator result">`}</pre>
</section>
<p><a href="${VALIDATE_PATH}">${t('validate.again')}</a></p>`;
}
