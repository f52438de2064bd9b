/** `attribute[CODE]` answers checked against a service definition's attributes. */
import { isIso8601 } from '../dates.js';
import type { Attribute } from '../model.js';
import { MAX_ATTRIBUTE_LENGTH } from './limits.js';
import { parseNumber } from './numbers.js';
import { hasLineBreak, isLongerThan, quote } from './text-checks.js';

export type AttributeAnswer = string | string[];

const MAX_KEYS_LISTED = 20;

function keyList(attribute: Attribute): string {
  const keys = (attribute.values ?? []).map((v) => v.key);
  const shown = keys.slice(0, MAX_KEYS_LISTED).join(', ');
  return keys.length > MAX_KEYS_LISTED ? `${shown}, …` : shown;
}

function checkKey(attribute: Attribute, key: string, problems: string[]): boolean {
  if (attribute.values?.some((v) => v.key === key)) return true;
  problems.push(`${attribute.code} value ${quote(key)} is not one of: ${keyList(attribute)}`);
  return false;
}

/** One answer, or undefined when it is invalid (the problem is recorded). `values` are non-blank. */
function answer(attribute: Attribute, values: readonly string[], problems: string[]): AttributeAnswer | undefined {
  const { code } = attribute;
  if (attribute.datatype === 'multivaluelist') {
    const keys = [...new Set(values.map((v) => v.trim()))];
    const valid = keys.map((k) => checkKey(attribute, k, problems)).every(Boolean);
    return valid ? keys : undefined;
  }
  if (values.length > 1) {
    problems.push(`${code} takes one value; ${values.length} were sent`);
    return undefined;
  }
  const value = values[0] ?? '';
  switch (attribute.datatype) {
    case 'singlevaluelist':
      return checkKey(attribute, value.trim(), problems) ? value.trim() : undefined;
    case 'number': {
      const n = parseNumber(value.trim());
      if (n !== undefined) return String(n);
      problems.push(`${code} must be a number`);
      return undefined;
    }
    case 'datetime':
      if (isIso8601(value.trim())) return value.trim();
      problems.push(`${code} must be an ISO 8601 date or datetime, e.g. 2026-01-31 or 2026-01-31T09:30:00Z`);
      return undefined;
    case 'string':
    case 'text':
      if (isLongerThan(value, MAX_ATTRIBUTE_LENGTH)) {
        problems.push(`${code} must be at most ${MAX_ATTRIBUTE_LENGTH} characters`);
        return undefined;
      }
      if (attribute.datatype === 'string' && hasLineBreak(value)) {
        problems.push(`${code} must be a single line of text (no line breaks)`);
        return undefined;
      }
      return value;
  }
}

/**
 * Only `variable` attributes take input; codes not in the definition are ignored.
 * A missing required answer is reported as `<CODE> required: <question>`, the
 * wording GeoReport clients look for.
 */
export function validateAttributeAnswers(
  sent: ReadonlyMap<string, readonly string[]>,
  attributes: readonly Attribute[],
  problems: string[],
): Record<string, AttributeAnswer> {
  const answers: [string, AttributeAnswer][] = [];
  for (const attribute of attributes) {
    if (!attribute.variable) continue;
    const values = (sent.get(attribute.code) ?? []).filter((v) => v.trim() !== '');
    if (values.length === 0) {
      if (attribute.required) {
        const question = attribute.description.trim();
        problems.push(question === '' ? `${attribute.code} required` : `${attribute.code} required: ${question}`);
      }
      continue;
    }
    const a = answer(attribute, values, problems);
    if (a !== undefined) answers.push([attribute.code, a]);
  }
  // fromEntries defines own properties, so a code such as `__proto__` stays data.
  return Object.fromEntries(answers);
}
