/**
 * The checks the GeoReport POST makes, run before submitting so that every
 * problem is named next to its field, in the reader's language. The server
 * still decides: anything it refuses beyond these is shown as it says it.
 */
import {
  MAX_ADDRESS_LENGTH, MAX_ATTRIBUTE_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_SHORT_FIELD_LENGTH, attributeFields, typedLineBreaks,
  type Attribute,
} from '@o311/georeport';
import type { Translator } from '../i18n/translate.js';
import { FIELD_IDS, attributeId, valueOf, type FixedField, type FormFields } from './form-state.js';
import { charCount, coordinate, hasLineBreak, isEmailAddress, isIso8601, isNumber } from './value-checks.js';

export interface FieldError {
  /** Id of the element at fault (the error summary links to it). */
  id: string;
  message: string;
}

const CONTACT_FIELDS = ['email', 'first_name', 'last_name', 'phone'] as const satisfies readonly FixedField[];

function locationErrors(fields: FormFields, t: Translator): FieldError[] {
  const lat = valueOf(fields, 'lat').trim();
  const long = valueOf(fields, 'long').trim();
  const address = valueOf(fields, 'address_string').trim();
  const errors: FieldError[] = [];
  if (lat === '' && long === '' && address === '') {
    errors.push({ id: FIELD_IDS.address_string, message: t('report.error.location') });
  } else if (lat !== '' || long !== '') {
    if (coordinate(lat, 90) === undefined || coordinate(long, 180) === undefined) {
      errors.push({ id: FIELD_IDS.lat, message: t('report.error.coordinates') });
    }
  }
  if (charCount(address) > MAX_ADDRESS_LENGTH) {
    errors.push({ id: FIELD_IDS.address_string, message: t('report.error.tooLong', { max: MAX_ADDRESS_LENGTH }) });
  }
  return errors;
}

function answerError(a: Attribute, values: readonly string[], t: Translator): string | undefined {
  const first = values[0]?.trim() ?? '';
  const keys = new Set((a.values ?? []).map((v) => v.key));
  switch (a.datatype) {
    case 'multivaluelist':
      return values.every((v) => keys.has(v.trim())) ? undefined : t('report.error.choice');
    case 'singlevaluelist':
      return values.length === 1 && keys.has(first) ? undefined : t('report.error.choice');
    case 'number':
      return isNumber(first) ? undefined : t('report.error.number');
    case 'datetime':
      return isIso8601(first) ? undefined : t('report.error.datetime');
    case 'string':
    case 'text':
      if (charCount(values[0] ?? '') > MAX_ATTRIBUTE_LENGTH) return t('report.error.tooLong', { max: MAX_ATTRIBUTE_LENGTH });
      return a.datatype === 'string' && hasLineBreak(values[0] ?? '') ? t('report.error.singleLine') : undefined;
  }
}

function attributeErrors(fields: FormFields, attributes: readonly Attribute[], t: Translator): FieldError[] {
  const sent = attributeFields(fields);
  const errors: FieldError[] = [];
  for (const a of attributes) {
    if (!a.variable) continue;
    const values = (sent.get(a.code) ?? []).filter((v) => v.trim() !== '');
    const message =
      values.length === 0 ? (a.required ? t('report.error.required', { field: a.description }) : undefined) : answerError(a, values, t);
    if (message !== undefined) errors.push({ id: attributeId(a.code), message });
  }
  return errors;
}

function textErrors(fields: FormFields, t: Translator): FieldError[] {
  const errors: FieldError[] = [];
  const length = charCount(typedLineBreaks(valueOf(fields, 'description')));
  if (length > MAX_DESCRIPTION_LENGTH) {
    errors.push({ id: FIELD_IDS.description, message: t('form.description.tooLong', { length: t.number(length), max: t.number(MAX_DESCRIPTION_LENGTH) }) });
  }
  for (const name of CONTACT_FIELDS) {
    const value = valueOf(fields, name).trim();
    if (charCount(value) > MAX_SHORT_FIELD_LENGTH) {
      errors.push({ id: FIELD_IDS[name], message: t('report.error.tooLong', { max: MAX_SHORT_FIELD_LENGTH }) });
    } else if (name === 'email' && value !== '' && !isEmailAddress(value)) {
      errors.push({ id: FIELD_IDS.email, message: t('report.error.email') });
    }
  }
  return errors;
}

/** Every problem, in the order of the form. */
export const checkReport = (fields: FormFields, attributes: readonly Attribute[], t: Translator): FieldError[] => [
  ...locationErrors(fields, t),
  ...attributeErrors(fields, attributes, t),
  ...textErrors(fields, t),
];
