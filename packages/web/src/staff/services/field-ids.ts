/** Names and ids of the service editor's fields; errors link to the ids. */
import type { AttributeDraft, TranslatedLocale } from './draft.js';

export const SERVICE_FIELDS = {
  code: 'svc-code',
  name: 'svc-name',
  description: 'svc-description',
  group: 'svc-group',
  keywords: 'svc-keywords',
  type: 'svc-type',
  blackbox_receipt: 'svc-blackbox-receipt',
  active: 'svc-active',
  sla_hours: 'svc-sla',
  agency: 'svc-agency',
  notice: 'svc-notice',
} as const;

export type AttributeField = Exclude<keyof AttributeDraft, 'translations'>;
export type AttributeTranslationField = 'description' | 'datatype_description' | 'values';

export const attributeName = (i: number, f: AttributeField): string => `attr.${i}.${f}`;
export const attributeId = (i: number, f: AttributeField): string => `attr-${i}-${f.replace(/_/g, '-')}`;
export const attributeTranslationName = (i: number, l: TranslatedLocale, f: AttributeTranslationField): string => `attr.${i}.tr.${l}.${f}`;
export const attributeTranslationId = (i: number, l: TranslatedLocale, f: AttributeTranslationField): string =>
  `attr-${i}-${l}-${f.replace(/_/g, '-')}`;
export const translationName = (l: TranslatedLocale, f: 'name' | 'description'): string => `tr.${l}.${f}`;
export const translationId = (l: TranslatedLocale, f: 'name' | 'description'): string => `tr-${l}-${f}`;

/** The submit buttons' `action` values. */
export const ADD_ATTRIBUTE = 'add-attribute';
export const REMOVE_ATTRIBUTE = 'remove-attribute-';
export const SAVE = 'save';
