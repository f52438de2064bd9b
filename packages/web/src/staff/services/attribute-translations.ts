/**
 * One question's texts in the site's other languages: the question and its
 * help text, and (inside the values box, shown for list datatypes) the names of its
 * values as `key = Name` lines. Left empty, the citizen sees the original.
 */
import { html, type Html } from '../../html.js';
import { LOCALE_NAMES } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translate.js';
import { errorFor, textArea, textInput, type FieldError } from '../forms/fields.js';
import { TRANSLATED_LOCALES, type AttributeDraft } from './draft.js';
import { attributeTranslationId, attributeTranslationName } from './field-ids.js';

const TEXTS = [['description', 'svcq.question'], ['datatype_description', 'svcq.hint']] as const;

export function questionTranslations(t: Translator, a: AttributeDraft, i: number, errors: readonly FieldError[]): Html {
  return html`<div class="svc-attribute-grid svc-attr-translations">${TRANSLATED_LOCALES.map((l) => TEXTS.map(([f, label]) => {
    const id = attributeTranslationId(i, l, f);
    return textInput({
      id, name: attributeTranslationName(i, l, f), label: t(label, { language: LOCALE_NAMES[l] }),
      value: a.translations[l][f], error: errorFor(errors, id), extra: html` lang="${l}"`,
    });
  }))}</div>`;
}

export function valueTranslations(t: Translator, a: AttributeDraft, i: number, errors: readonly FieldError[]): Html {
  return html`${TRANSLATED_LOCALES.map((l) => {
    const id = attributeTranslationId(i, l, 'values');
    return textArea({
      id, name: attributeTranslationName(i, l, 'values'), label: t('svcq.values', { language: LOCALE_NAMES[l] }), hint: t('svcq.valuesHint'),
      value: a.translations[l].values, rows: 3, error: errorFor(errors, id), extra: html` lang="${l}"`,
    });
  })}`;
}
