/** The look-up by request number (GET /track?id=…; another endpoint's as `slug:ID`), on the home page and the 404 page. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

export const trackForm = (t: Translator, id = 'track', value = ''): Html =>
  html`<section class="track-lookup" aria-labelledby="${id}-title">
<h2 id="${id}-title">${t('home.trackTitle')}</h2>
<form action="/track" method="get" class="inline-form" id="${id}-form">
<label for="${id}-id">${t('home.trackLabel')}</label>
<div class="inline-controls"><input type="text" id="${id}-id" name="id" value="${value}" autocomplete="off" required>
<button type="submit">${t('home.trackButton')}</button></div>
</form>
</section>`;
