/**
 * Wire shapes as data. Each document of the standard is described once here
 * (see documents.ts) and the XML and JSON writers and readers all walk the
 * same description, so decode is the inverse of encode by construction.
 *
 * Mapping (the spec's Spark convention): an object is a JSON object and an
 * element with one child element per field; a list is a JSON array and an
 * element whose children all carry the list's `item` name; a scalar is a JSON
 * scalar and element text; null is JSON null and an empty element.
 */

export type Shape =
  /** Nullable strings write '' as null: an empty element cannot tell them apart. */
  | { readonly kind: 'string'; readonly nullable: boolean }
  | { readonly kind: 'number'; readonly nullable: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'object'; readonly fields: readonly Field[] }
  | { readonly kind: 'list'; readonly item: string; readonly of: Shape }
  /**
   * A string or a list of strings (multivaluelist answers). JSON keeps the field
   * name for both; XML writes `<value>a</value>` or `<values><value>a</value>…</values>`.
   */
  | { readonly kind: 'stringOrList'; readonly listKey: string; readonly item: string };

export type Parent = Readonly<Record<string, unknown>>;

export type Presence =
  /** Always written; a missing value is written as null ('' for a non-nullable string, false for a boolean). */
  | 'always'
  /** Written only when the property is not undefined; read only when the element or key is there. */
  | 'ifPresent'
  /** Written and read only when the predicate holds for the (partly decoded) parent object. */
  | ((parent: Parent) => boolean);

export const isPresent = (field: Field, parent: Parent): boolean =>
  field.presence === 'always' ||
  (field.presence === 'ifPresent' ? parent[field.key] !== undefined : field.presence(parent));

export interface Field {
  readonly key: string;
  readonly shape: Shape;
  readonly presence: Presence;
}

/** A whole document: its XML root element and the shape under it. */
export interface DocumentShape {
  readonly root: string;
  readonly shape: Shape;
}

export const str: Shape = { kind: 'string', nullable: false };
export const strOrNull: Shape = { kind: 'string', nullable: true };
export const num: Shape = { kind: 'number', nullable: false };
export const numOrNull: Shape = { kind: 'number', nullable: true };
export const bool: Shape = { kind: 'boolean' };
export const oneOf = (values: readonly string[]): Shape => ({ kind: 'enum', values });
export const listOf = (item: string, of: Shape): Shape => ({ kind: 'list', item, of });
export const stringOrList = (listKey: string, item: string): Shape => ({ kind: 'stringOrList', listKey, item });

/** `[key, shape]` pairs are always present; use a Field for other presence rules. */
export const object = (...fields: readonly (Field | readonly [string, Shape])[]): Shape => ({
  kind: 'object',
  fields: fields.map((f): Field => ('key' in f ? f : { key: f[0], shape: f[1], presence: 'always' })),
});
