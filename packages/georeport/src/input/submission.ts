/** POST requests: the form checked against the service and its definition. */
import { badRequest } from '../errors.js';
import type { Attribute } from '../model.js';
import { validateAttributeAnswers } from './attribute-answers.js';
import type { FormFields } from './form.js';
import { attributeFields, field } from './form.js';
import {
  MAX_ADDRESS_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_SHORT_FIELD_LENGTH, MAX_URL_LENGTH, typedLineBreaks,
} from './limits.js';
import { inRange, parseDecimal } from './numbers.js';
import { isEmail, isHttpUrl, isLongerThan } from './text-checks.js';

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

/** Trimmed first value of a field, null when absent or blank; over-long values are reported. */
function text(fields: FormFields, name: string, max: number, problems: string[], alias?: string): string | null {
  const raw = field(fields, name) ?? (alias === undefined ? undefined : field(fields, alias));
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  if (isLongerThan(value, max)) problems.push(`${name} must be at most ${max} characters`);
  return value;
}

function coordinates(fields: FormFields, problems: string[]): { lat: number | null; long: number | null; sent: boolean } {
  const latRaw = field(fields, 'lat')?.trim() || undefined;
  const longRaw = field(fields, 'long')?.trim() || undefined;
  if (latRaw === undefined && longRaw === undefined) return { lat: null, long: null, sent: false };
  if (latRaw === undefined || longRaw === undefined) {
    problems.push('lat and long must be sent together');
    return { lat: null, long: null, sent: true };
  }
  const lat = parseDecimal(latRaw);
  const long = parseDecimal(longRaw);
  const latOk = inRange(lat, -90, 90);
  const longOk = inRange(long, -180, 180);
  if (!latOk) problems.push('lat must be a number of decimal degrees from -90 to 90');
  if (!longOk) problems.push('long must be a number of decimal degrees from -180 to 180');
  return latOk && longOk ? { lat, long, sent: true } : { lat: null, long: null, sent: true };
}

/**
 * Throws Open311Failure (400) naming every problem: missing location, lone lat/long,
 * out-of-range coordinates, description over 4000 characters, missing required
 * attributes (`<CODE> required`), list values not among the keys, non-numeric
 * numbers, bad datetimes, bad email. `service_code` presence is checked by the caller.
 */
export function validateSubmission(fields: FormFields, attributes: readonly Attribute[]): Submission {
  const problems: string[] = [];
  const { lat, long, sent: coordinatesSent } = coordinates(fields, problems);
  const address_string = text(fields, 'address_string', MAX_ADDRESS_LENGTH, problems);
  const address_id = text(fields, 'address_id', MAX_SHORT_FIELD_LENGTH, problems);
  if (!coordinatesSent && address_string === null && address_id === null) {
    problems.push('A location is required: lat and long, address_string or address_id');
  }

  const rawDescription = field(fields, 'description');
  const description = rawDescription === undefined || rawDescription.trim() === '' ? null : rawDescription;
  // Kept as sent; a CRLF line break counts as the one character the form's reader typed.
  if (description !== null && isLongerThan(typedLineBreaks(description), MAX_DESCRIPTION_LENGTH)) {
    problems.push(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }

  const email = text(fields, 'email', MAX_SHORT_FIELD_LENGTH, problems);
  if (email !== null && !isEmail(email)) problems.push('email must be an email address, e.g. name@example.org');
  const media_url = text(fields, 'media_url', MAX_URL_LENGTH, problems);
  if (media_url !== null && !isHttpUrl(media_url)) problems.push('media_url must be an http or https URL');

  const submission: Submission = {
    service_code: field(fields, 'service_code')?.trim() ?? '',
    lat,
    long,
    address_string,
    address_id,
    zipcode: text(fields, 'zipcode', MAX_SHORT_FIELD_LENGTH, problems),
    description,
    media_url,
    email,
    // FixMyStreet's client can send `deviceid`.
    device_id: text(fields, 'device_id', MAX_SHORT_FIELD_LENGTH, problems, 'deviceid'),
    account_id: text(fields, 'account_id', MAX_SHORT_FIELD_LENGTH, problems),
    first_name: text(fields, 'first_name', MAX_SHORT_FIELD_LENGTH, problems),
    last_name: text(fields, 'last_name', MAX_SHORT_FIELD_LENGTH, problems),
    phone: text(fields, 'phone', MAX_SHORT_FIELD_LENGTH, problems),
    attributes: validateAttributeAnswers(attributeFields(fields), attributes, problems),
  };
  if (problems.length > 0) throw badRequest(...problems);
  return submission;
}
