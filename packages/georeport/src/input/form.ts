/**
 * `application/x-www-form-urlencoded` bodies and query strings as GeoReport
 * clients send them: `attribute[CODE]`, `attribute[CODE][]`, brackets raw or
 * percent-encoded, repeated keys. Malformed percent-encoding is a 400.
 */
import { badRequest } from '../errors.js';
import { quote } from './text-checks.js';

/** Field name -> every value sent for it, in order. `attribute[CODE][]` is stored under `attribute[CODE]`. */
export type FormFields = Map<string, string[]>;

function decodeComponent(s: string): string | undefined {
  const spaced = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/**
 * Names are decoded before brackets are read, so `attribute%5BX%5D%5B%5D` is
 * `attribute[X][]`. A trailing `[]` (PHP-style repetition, as in `media_url[]`)
 * is dropped from any name. Every malformed name or value is reported at once.
 */
export function parseForm(body: string): FormFields {
  const fields: FormFields = new Map();
  const problems = new Set<string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const decodedName = decodeComponent(rawName);
    if (decodedName === undefined) {
      problems.add(`The field name ${quote(rawName)} has malformed percent-encoding.`);
      continue;
    }
    const name = decodedName.endsWith('[]') ? decodedName.slice(0, -2) : decodedName;
    if (name === '') continue;
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    if (value === undefined) {
      problems.add(`The value of ${quote(name)} has malformed percent-encoding.`);
      continue;
    }
    const values = fields.get(name);
    if (values === undefined) fields.set(name, [value]);
    else values.push(value);
  }
  if (problems.size > 0) throw badRequest(...problems);
  return fields;
}

/** First value of a field; an empty string counts as absent (so `a=&a=x` gives `x`). */
export function field(fields: FormFields, name: string): string | undefined {
  return fields.get(name)?.find((v) => v !== '');
}

const ATTRIBUTE_NAME = /^attribute\[(.+)\]$/s;

/** `attribute[CODE]` entries: code -> values (empty strings dropped; codes left with no value omitted). */
export function attributeFields(fields: FormFields): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const [name, values] of fields) {
    const code = ATTRIBUTE_NAME.exec(name)?.[1];
    if (code === undefined) continue;
    const sent = values.filter((v) => v !== '');
    if (sent.length > 0) attributes.set(code, sent);
  }
  return attributes;
}
