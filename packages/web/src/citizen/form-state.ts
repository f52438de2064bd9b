/** What the reporter typed, kept to fill the form again (after an error) and ids for its fields. */
import type { FormFields } from '@o311/georeport';

export type { FormFields };

export const EMPTY_FORM: FormFields = new Map();

/** First value of a field, '' when absent. */
export const valueOf = (fields: FormFields, name: string): string => fields.get(name)?.[0] ?? '';

export const valuesOf = (fields: FormFields, name: string): readonly string[] => fields.get(name) ?? [];

/** The GeoReport form name of an attribute's answer (`attribute[CODE]`). */
export const attributeName = (code: string): string => `attribute[${code}]`;

/** A stable element id for an attribute (codes may hold any character). */
export const attributeId = (code: string): string => `attr-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Element ids of the fixed fields, shared by the page, its checks and the browser tests. */
export const FIELD_IDS = {
  address_string: 'f-address',
  lat: 'f-lat',
  long: 'f-long',
  description: 'f-description',
  media: 'f-photos',
  email: 'f-email',
  first_name: 'f-first-name',
  last_name: 'f-last-name',
  phone: 'f-phone',
} as const;

export type FixedField = keyof typeof FIELD_IDS;
