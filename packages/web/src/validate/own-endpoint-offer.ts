/**
 * This server's own GeoReport endpoint as a one-click example on /validate:
 * a form of its own (hidden URL, a button), since the server checks its own
 * endpoint in process (server/src/validation/own-endpoint.ts) even where it
 * refuses loopback and private addresses.
 */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { VALIDATE_PATH } from './paths.js';

export function ownEndpointOffer(t: Translator, ownUrl: string): Html {
  return html`<form action="${VALIDATE_PATH}" method="post" class="validate-own" id="validate-own">
<p>${t('validate.ownIntro')} <code class="run-url">${ownUrl}</code></p>
<input type="hidden" name="url" value="${ownUrl}"><input type="hidden" name="format" value="both">
<button type="submit" class="secondary">${t('validate.ownSubmit')}</button>
</form>`;
}
