/**
 * A service as the editor form holds it: every field as typed (strings), so a
 * refused save shows exactly what was sent. Converted to the server's
 * ServiceInput only when saving (to-input.ts).
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.js';
import type { ServiceRecord } from '@o311/store';
import { valueLines } from './parse-values.js';

export interface AttributeDraft {
  code: string;
  description: string;
  datatype: string;
  datatype_description: string;
  required: boolean;
  variable: boolean;
  order: string;
  /** List values, one per line: `key = Name`. */
  values: string;
  /** The question and its value names (`key = Name` lines) in the editor's other languages. */
  translations: Record<TranslatedLocale, AttributeTranslationDraft>;
}

export interface AttributeTranslationDraft {
  description: string;
  datatype_description: string;
  values: string;
}

export interface TranslationDraft {
  name: string;
  description: string;
}

/** The UI languages other than English (the services' own language): the translations the editor offers. */
export type TranslatedLocale = Exclude<Locale, 'en'>;
export const TRANSLATED_LOCALES = LOCALES.filter((l): l is TranslatedLocale => l !== DEFAULT_LOCALE);

export interface ServiceDraft {
  code: string;
  name: string;
  description: string;
  group: string;
  keywords: string;
  type: string;
  /** What a blackbox service's receipt holds (BLACKBOX_RECEIPTS). */
  blackbox_receipt: string;
  active: boolean;
  sla_hours: string;
  agency: string;
  notice: string;
  attributes: AttributeDraft[];
  translations: Record<TranslatedLocale, TranslationDraft>;
}

export const MAX_ATTRIBUTES = 100;

export const LIST_DATATYPES: readonly string[] = ['singlevaluelist', 'multivaluelist'];

export const noAttributeTranslations = (): Record<TranslatedLocale, AttributeTranslationDraft> =>
  Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, { description: '', datatype_description: '', values: '' }])) as Record<TranslatedLocale, AttributeTranslationDraft>;

export const emptyAttribute = (order: number): AttributeDraft => ({
  code: '', description: '', datatype: 'string', datatype_description: '', required: false, variable: true, order: String(order), values: '',
  translations: noAttributeTranslations(),
});

/** The stored translations of one question, as the editor shows them. */
function attributeTranslations(s: ServiceRecord, code: string): Record<TranslatedLocale, AttributeTranslationDraft> {
  const out = noAttributeTranslations();
  for (const l of TRANSLATED_LOCALES) {
    const tr = s.translations[l]?.attributes?.[code];
    if (tr) out[l] = { description: tr.description ?? '', datatype_description: tr.datatype_description ?? '', values: valueLines(Object.entries(tr.values ?? {}).map(([key, name]) => ({ key, name }))) };
  }
  return out;
}

const noTranslations = (): Record<TranslatedLocale, TranslationDraft> =>
  Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, { name: '', description: '' }])) as Record<TranslatedLocale, TranslationDraft>;

export const emptyDraft = (): ServiceDraft => ({
  code: '', name: '', description: '', group: '', keywords: '', type: 'realtime', blackbox_receipt: 'none', active: true, sla_hours: '', agency: '',
  notice: '', attributes: [], translations: noTranslations(),
});

export function draftOfRecord(s: ServiceRecord): ServiceDraft {
  const translations = noTranslations();
  for (const l of TRANSLATED_LOCALES) {
    const tr = s.translations[l];
    if (tr) translations[l] = { name: tr.service_name, description: tr.description ?? '' };
  }
  return {
    code: s.service_code,
    name: s.service_name,
    description: s.description ?? '',
    group: s.group ?? '',
    keywords: s.keywords ?? '',
    type: s.type,
    blackbox_receipt: s.blackbox_receipt,
    active: s.active,
    sla_hours: s.sla_hours === null ? '' : String(s.sla_hours),
    agency: s.agency_responsible ?? '',
    notice: s.service_notice ?? '',
    attributes: [...s.attributes].sort((a, b) => a.order - b.order).map((a) => ({
      code: a.code,
      description: a.description,
      datatype: a.datatype,
      datatype_description: a.datatype_description ?? '',
      required: a.required,
      variable: a.variable,
      order: String(a.order),
      values: valueLines(a.values ?? []),
      translations: attributeTranslations(s, a.code),
    })),
    translations,
  };
}
