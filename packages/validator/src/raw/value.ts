/**
 * A response body as plain data, the same for both formats: JSON as parsed, XML
 * mapped by the spec's Spark convention (leaf → string, empty → null, known
 * list containers → arrays). Checks read fields without caring about the format,
 * and JSON keeps its real types so type rules can be checked.
 */

export type RawValue = string | number | boolean | null | RawValue[] | RawObject;
export interface RawObject {
  [key: string]: RawValue;
}

export const isRawObject = (v: RawValue | undefined): v is RawObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A member, or undefined when the key (element) is absent. */
export const member = (o: RawObject, key: string): RawValue | undefined => (Object.hasOwn(o, key) ? o[key] : undefined);

/** Text of a scalar: numbers and booleans as written, '' for empty; null for null, absent, or not a scalar. */
export function textOf(v: RawValue | undefined): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** True when the field is absent, null or blank text. */
export const isBlank = (v: RawValue | undefined): boolean => {
  const t = textOf(v);
  return t === null || t.trim() === '';
};

/** Short rendering of a value for messages. */
export function show(v: RawValue | undefined): string {
  if (v === undefined) return '(absent)';
  const json = JSON.stringify(v);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/**
 * The entries of a list field: an array as is; an object wrapping its items
 * (`{"attribute": [...]}`, as some JSON mirrors the XML); absent or null → [].
 */
export function entriesOf(v: RawValue | undefined, item: string): RawValue[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (isRawObject(v)) {
    const inner = member(v, item);
    if (inner !== undefined) return Array.isArray(inner) ? inner : [inner];
  }
  return [v];
}

export const objectsIn = (list: readonly RawValue[]): RawObject[] => list.filter((x): x is RawObject => isRawObject(x));

export const memberText = (o: RawObject, key: string): string | null => textOf(member(o, key));
