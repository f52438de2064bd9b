/**
 * The questions' translations of one language as the store keeps them
 * (ServiceTranslation.attributes: code -> description, help text and value names), and
 * what only the form can get wrong: a translated name for a key the question
 * does not have (e.g. a line without `=`, or a key mistyped). What the form
 * does not edit of a stored translation (any other field) is kept.
 */
import type { ServiceTranslation } from '@o311/store';
import { LOCALE_NAMES } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translate.js';
import type { FieldError } from '../forms/fields.js';
import { LIST_DATATYPES, type ServiceDraft, type TranslatedLocale } from './draft.js';
import { attributeTranslationId } from './field-ids.js';
import { parseValues } from './parse-values.js';

type AttributeTranslations = NonNullable<ServiceTranslation['attributes']>;

export function translatedQuestions(
  t: Translator, draft: ServiceDraft, l: TranslatedLocale, stored: AttributeTranslations = {},
): { attributes: AttributeTranslations; problems: FieldError[] } {
  const attributes: AttributeTranslations = {};
  const problems: FieldError[] = [];
  draft.attributes.forEach((a, i) => {
    if (a.code === '') return;
    const { description, datatype_description, values } = a.translations[l];
    const keys = new Set(parseValues(a.values).map((v) => v.key));
    const named = LIST_DATATYPES.includes(a.datatype) ? parseValues(values) : [];
    const unknown = named.find((v) => !keys.has(v.key));
    if (unknown) {
      problems.push({
        field: attributeTranslationId(i, l, 'values'),
        message: t('svcq.unknownKey', { n: i + 1, language: LOCALE_NAMES[l], key: unknown.key }),
      });
    }
    const { description: _d, datatype_description: _h, values: _v, ...kept } = stored[a.code] ?? {};
    const entry = {
      ...kept,
      ...(description !== '' ? { description } : {}),
      ...(datatype_description !== '' ? { datatype_description } : {}),
      ...(named.length > 0 ? { values: Object.fromEntries(named.map((v) => [v.key, v.name])) } : {}),
    };
    if (Object.keys(entry).length > 0) attributes[a.code] = entry;
  });
  return { attributes, problems };
}
