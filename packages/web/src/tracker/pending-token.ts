/** A batch service's token that has no request number yet: the page polls GET tokens/{token}. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

export const tokenPath = (token: string): string => `/track/token/${encodeURIComponent(token)}`;

export const pendingToken = (t: Translator, token: string): Html =>
  html`<div class="pending-token" id="token-status" data-token="${token}" data-resolved="${t('token.resolved', { id: '{id}' })}">
<p>${t('token.pending')}</p>
<p>${t('token.yourToken')} <strong class="token">${token}</strong></p>
<p><a href="${tokenPath(token)}" id="token-link">${t('token.check')}</a></p>
</div>`;
