/** A token that has no request number yet (a batch service, a report on its way to another endpoint): the page polls GET tokens/{token}. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

export const tokenPath = (token: string): string => `/track/token/${encodeURIComponent(token)}`;

/** Where the page asks: this server's GeoReport endpoint, or the federated one for a report sent through it. */
export const LOCAL_TOKENS = '/open311/v2/tokens/';
export const FEDERATED_TOKENS = '/federated/open311/v2/tokens/';

export const pendingToken = (t: Translator, token: string, poll = LOCAL_TOKENS): Html =>
  html`<div class="pending-token" id="token-status" data-token="${token}" data-poll="${poll}" data-resolved="${t('token.resolved', { id: '{id}' })}">
<p>${t('token.pending')}</p>
<p>${t('token.yourToken')} <strong class="token">${token}</strong></p>
<p><a href="${tokenPath(token)}" id="token-link">${t('token.check')}</a></p>
</div>`;
