/** The service's name and description in the other UI languages. */
import { html, type Html } from '../../html.js';
import { LOCALE_NAMES } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translate.js';
import { errorFor, textArea, textInput, type FieldError } from '../forms/fields.js';
import { TRANSLATED_LOCALES, type ServiceDraft } from './draft.js';
import { translationId, translationName } from './field-ids.js';

export function translationFields(t: Translator, draft: ServiceDraft, errors: readonly FieldError[]): Html {
  return html`<fieldset class="svc-translations"><legend>${t('inbox.svc.translations')}</legend>
<p class="svc-hint">${t('inbox.svc.translationsHint')}</p>
${TRANSLATED_LOCALES.map((l) => html`<fieldset><legend><span lang="${l}">${LOCALE_NAMES[l]}</span></legend>
${textInput({
  id: translationId(l, 'name'), name: translationName(l, 'name'), label: t('inbox.svc.name'), value: draft.translations[l].name,
  error: errorFor(errors, translationId(l, 'name')), extra: html` lang="${l}"`,
})}
${textArea({
  id: translationId(l, 'description'), name: translationName(l, 'description'), label: t('inbox.svc.description'),
  value: draft.translations[l].description, rows: 2, extra: html` lang="${l}"`,
})}
</fieldset>`)}
</fieldset>`;
}
