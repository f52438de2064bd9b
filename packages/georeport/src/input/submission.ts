/** POST requests: the form checked against the service and its definition. */
import type { Attribute } from '../model.js';
import type { FormFields } from './form.js';

export interface Submission {
  service_code: string;
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  zipcode: string | null;
  description: string | null;
  media_url: string | null;
  email: string | null;
  device_id: string | null;
  account_id: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  /** Validated answers: lists as arrays of keys, numbers and datetimes normalised to strings. */
  attributes: Record<string, string | string[]>;
}

/**
 * Throws Open311Failure (400) naming every problem: missing location, lone lat/long,
 * out-of-range coordinates, description over 4000 characters, missing required
 * attributes (`<CODE> required`), list values not among the keys, non-numeric
 * numbers, bad datetimes, bad email. `service_code` presence is checked by the caller.
 */
export function validateSubmission(fields: FormFields, attributes: readonly Attribute[]): Submission {
  throw new Error('TODO');
}
