/**
 * `application/x-www-form-urlencoded` bodies and query strings as GeoReport
 * clients send them: `attribute[CODE]`, `attribute[CODE][]`, brackets raw or
 * percent-encoded, repeated keys. Malformed percent-encoding is a 400.
 */

/** Field name -> every value sent for it, in order. `attribute[CODE][]` is stored under `attribute[CODE]`. */
export type FormFields = Map<string, string[]>;

export function parseForm(body: string): FormFields { throw new Error('TODO'); }

/** First value of a field; an empty string counts as absent. */
export function field(fields: FormFields, name: string): string | undefined { throw new Error('TODO'); }

/** `attribute[CODE]` entries: code -> values (empty strings dropped). */
export function attributeFields(fields: FormFields): Map<string, string[]> { throw new Error('TODO'); }
