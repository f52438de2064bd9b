/** A submission as the POST form fields of spec §6, in a stable order. */
import type { Submission } from './client.js';
import { paramText } from './query.js';

export type FormPair = readonly [string, string];

const CONTACT_FIELDS = ['email', 'device_id', 'account_id', 'first_name', 'last_name', 'phone'] as const;

/**
 * `attribute[CODE]` for one value, `attribute[CODE][]` repeated for a list (multivaluelist).
 * `credentials` (jurisdiction_id, api_key) come first, as a human would read them.
 */
export function submissionFields(s: Submission, credentials: Readonly<Record<string, string | undefined>> = {}): FormPair[] {
  const pairs: FormPair[] = [];
  const add = (name: string, value: string | number | undefined): void => {
    const text = paramText(value);
    if (text !== undefined) pairs.push([name, text]);
  };
  for (const [name, value] of Object.entries(credentials)) add(name, value);
  add('service_code', s.service_code);
  add('lat', s.lat);
  add('long', s.long);
  add('address_string', s.address_string);
  add('address_id', s.address_id);
  for (const [code, value] of Object.entries(s.attributes ?? {})) {
    if (typeof value === 'string') add(`attribute[${code}]`, value);
    else for (const v of value) pairs.push([`attribute[${code}][]`, v]);
  }
  for (const name of CONTACT_FIELDS) add(name, s[name]);
  add('description', s.description);
  add('media_url', s.media_url);
  return pairs;
}
