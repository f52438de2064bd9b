/**
 * The server's validation problems (staffServices.saveService: one 400 with
 * every problem, or a 409 for a taken code) tied to the editor's fields, so
 * the error summary links to them. The wording is the server's; the field
 * label in front of it is in the page's language.
 */
import { isOpen311Failure } from '@o311/georeport';
import type { Translator } from '../../i18n/translate.js';
import type { FieldError } from '../forms/fields.js';
import { TRANSLATED_LOCALES, type TranslatedLocale } from './draft.js';
import { SERVICE_FIELDS, attributeId, translationId, type AttributeField } from './field-ids.js';

const ATTRIBUTE_PROBLEM = /^attributes\[(\d+)\][^:]*:\s*(.*)$/s;
const TRANSLATION_PROBLEM = /^translations(?:\.([A-Za-z_-]+)|: '([^']*)')/;

function attributeField(message: string): AttributeField {
  if (message.startsWith('code')) return 'code';
  if (message.startsWith('datatype')) return 'datatype';
  if (message.startsWith('order')) return 'order';
  if (message.includes('variable=false')) return 'required';
  if (message.includes('value')) return 'values';
  return 'code';
}

const isTranslated = (l: string | undefined): l is TranslatedLocale => (TRANSLATED_LOCALES as readonly string[]).includes(l ?? '');

function locate(t: Translator, description: string): FieldError {
  const attribute = ATTRIBUTE_PROBLEM.exec(description);
  if (attribute) {
    const index = Number(attribute[1]);
    const message = attribute[2] ?? description;
    return { field: attributeId(index, attributeField(message)), message: `${t('inbox.svc.attribute', { n: index + 1 })}: ${message}` };
  }
  const translation = TRANSLATION_PROBLEM.exec(description);
  if (translation) {
    const locale = translation[1] ?? translation[2];
    return { field: isTranslated(locale) ? translationId(locale, 'name') : SERVICE_FIELDS.code, message: `${t('inbox.svc.translations')}: ${description}` };
  }
  if (description.startsWith('service_name')) return { field: SERVICE_FIELDS.name, message: `${t('inbox.svc.name')}: ${description}` };
  if (description.startsWith('sla_hours')) return { field: SERVICE_FIELDS.sla_hours, message: `${t('inbox.svc.sla')}: ${description}` };
  return { field: SERVICE_FIELDS.code, message: `${t('inbox.svc.code')}: ${description}` };
}

/** The field errors of a refused save; undefined when the error is not a refusal (rethrow it). */
export function saveProblems(t: Translator, err: unknown): FieldError[] | undefined {
  if (!isOpen311Failure(err)) return undefined;
  if (err.status === 409) return [{ field: SERVICE_FIELDS.code, message: t('inbox.svc.codeTaken') }];
  if (err.status !== 400) return undefined;
  return err.errors.map((e) => locate(t, e.description));
}
