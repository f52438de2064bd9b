/**
 * Checks a service as staff define it, naming every problem: attribute
 * datatypes, unique codes, unique positive integer `order` (bounded), list types with at
 * least one value and unique keys (and no values on other types), translations
 * that refer to existing attributes.
 */
import { DATATYPES, badRequest, type Attribute } from '@o311/georeport';
import type { NewService } from '@o311/store';
import { MAX_ATTRIBUTE_ORDER, MAX_SLA_HOURS } from './setting-bounds.js';

const LIST_TYPES: ReadonlySet<string> = new Set(['singlevaluelist', 'multivaluelist']);
/** Codes travel in `attribute[CODE]` and URL paths: no brackets, slashes or spaces. */
export const CODE_PATTERN = /^[A-Za-z0-9_.~:-]+$/;

export function attributeProblems(attributes: readonly Attribute[]): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  const orders = new Set<number>();
  attributes.forEach((a, i) => {
    const where = `attributes[${i}]${a.code ? ` (${a.code})` : ''}`;
    if (!a.code) problems.push(`${where}: code is required.`);
    else if (!CODE_PATTERN.test(a.code)) problems.push(`${where}: code may use letters, digits and _ . ~ : - only.`);
    else if (codes.has(a.code)) problems.push(`${where}: code '${a.code}' is used twice.`);
    codes.add(a.code);
    if (!(DATATYPES as readonly string[]).includes(a.datatype)) {
      problems.push(`${where}: datatype must be one of ${DATATYPES.join(', ')}.`);
    }
    if (!Number.isInteger(a.order) || a.order < 1 || a.order > MAX_ATTRIBUTE_ORDER) {
      problems.push(`${where}: order must be a positive integer, at most ${MAX_ATTRIBUTE_ORDER}.`);
    } else if (orders.has(a.order)) problems.push(`${where}: order ${a.order} is used twice.`);
    orders.add(a.order);
    if (LIST_TYPES.has(a.datatype)) {
      const values = a.values ?? [];
      if (values.length === 0) problems.push(`${where}: a ${a.datatype} needs at least one value.`);
      const keys = new Set<string>();
      for (const v of values) {
        if (v.key === '') problems.push(`${where}: value keys may not be empty.`);
        else if (keys.has(v.key)) problems.push(`${where}: value key '${v.key}' is used twice.`);
        keys.add(v.key);
      }
    } else if (a.values && a.values.length > 0) {
      problems.push(`${where}: only singlevaluelist and multivaluelist attributes have values.`);
    }
    if (!a.variable && a.required) problems.push(`${where}: a display-only attribute (variable=false) cannot be required.`);
  });
  return problems;
}

export function serviceProblems(s: NewService): string[] {
  const problems: string[] = [];
  if (!CODE_PATTERN.test(s.service_code)) {
    problems.push('service_code may use letters, digits and _ . ~ : - only.');
  }
  if (s.service_name.trim() === '') problems.push('service_name is required.');
  if (s.sla_hours !== null && !(s.sla_hours >= 0 && s.sla_hours <= MAX_SLA_HOURS)) {
    problems.push(`sla_hours must be from 0 to ${MAX_SLA_HOURS} hours (ten years).`);
  }
  problems.push(...attributeProblems(s.attributes));
  const codes = new Set(s.attributes.map((a) => a.code));
  for (const [locale, t] of Object.entries(s.translations)) {
    if (!/^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/.test(locale)) problems.push(`translations: '${locale}' is not a locale.`);
    for (const code of Object.keys(t.attributes ?? {})) {
      if (!codes.has(code)) problems.push(`translations.${locale}: no attribute '${code}'.`);
    }
  }
  return problems;
}

/** Throws one 400 listing every problem. */
export function assertValidService(s: NewService): void {
  const problems = serviceProblems(s);
  if (problems.length > 0) throw badRequest(...problems);
}

/** An attribute as staff send it: the optional parts may be left out. */
export type AttributeInput = Omit<Attribute, 'datatype_description'> & { datatype_description?: string | null };

/** Normalises attributes as stored: values only on list types, absent description as null. */
export function normaliseAttributes(attributes: readonly AttributeInput[]): Attribute[] {
  return attributes.map((a) => {
    const out: Attribute = {
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description ?? null,
      order: a.order,
      description: a.description,
    };
    if (LIST_TYPES.has(a.datatype)) out.values = (a.values ?? []).map((v) => ({ key: v.key, name: v.name }));
    return out;
  });
}
