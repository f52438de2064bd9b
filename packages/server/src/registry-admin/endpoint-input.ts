/**
 * A registry endpoint as an admin types it (the back-office form or the staff
 * API): every field checked and bounded, every problem named at once.
 */
import { badRequest, isTier, type Format } from '@o311/georeport';
import { ENDPOINT_STATUSES, type EndpointStatus, type NewEndpoint } from '@o311/store';

export type EndpointFields = Readonly<Record<string, string | undefined>>;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const QUIRKS = /^[a-z0-9][a-z0-9-]{0,63}$/;
const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,189}\.[^\s@<>.]{1,63}$/;
const FORMATS: readonly Format[] = ['xml', 'json'];
const MAX_NAME = 200;
const MAX_URL = 2048;
const MAX_ID = 200;
const MAX_NOTES = 4000;

const text = (fields: EndpointFields, name: string): string => (fields[name] ?? '').trim();
const optional = (value: string): string | null => (value === '' ? null : value);

function httpUrl(value: string, label: string, problems: string[]): string | null {
  if (value === '') return null;
  if (value.length > MAX_URL) {
    problems.push(`${label} is longer than ${MAX_URL} characters.`);
    return null;
  }
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // Reported below.
  }
  problems.push(`${label} must be an absolute http(s) URL.`);
  return null;
}

/** The endpoint the fields describe, or a 400 listing every problem. */
export function parseEndpointFields(fields: EndpointFields): NewEndpoint {
  const problems: string[] = [];
  const slug = text(fields, 'slug').toLowerCase();
  if (!SLUG.test(slug)) problems.push('slug: 1 to 64 lower-case letters, digits and "-", starting and ending with a letter or digit.');
  const name = text(fields, 'name');
  if (name === '' || name.length > MAX_NAME) problems.push(`name: 1 to ${MAX_NAME} characters.`);
  const tier = text(fields, 'tier');
  if (!isTier(tier)) problems.push(`tier: one of district, city, utility, county, region, state, nation, world, other.`);
  const status = text(fields, 'status') || 'production';
  if (!(ENDPOINT_STATUSES as readonly string[]).includes(status)) problems.push('status: production, test or retired.');
  const country = optional(text(fields, 'country').toUpperCase());
  if (country !== null && !COUNTRY.test(country)) problems.push('country: a two-letter ISO 3166-1 code, e.g. US.');
  const local = fields.local === 'true' || fields.local === 'on';
  const base_url = httpUrl(text(fields, 'base_url'), 'base_url', problems);
  if (!local && base_url === null && !problems.some((p) => p.startsWith('base_url'))) {
    problems.push('base_url: the GeoReport base URL is needed for an endpoint this server does not serve.');
  }
  const jurisdiction_id = optional(text(fields, 'jurisdiction_id'));
  if (jurisdiction_id !== null && jurisdiction_id.length > MAX_ID) problems.push(`jurisdiction_id: at most ${MAX_ID} characters.`);
  if (local && jurisdiction_id === null) problems.push('jurisdiction_id: an endpoint this server serves names its jurisdiction.');
  const formatText = text(fields, 'formats') || 'xml,json';
  const formats = [...new Set(formatText.split(/[\s,]+/).filter((f) => f !== ''))];
  if (formats.length === 0 || !formats.every((f): f is Format => (FORMATS as readonly string[]).includes(f))) {
    problems.push('formats: xml, json or both.');
  }
  const contact_email = optional(text(fields, 'contact_email'));
  if (contact_email !== null && (contact_email.length > 254 || !EMAIL.test(contact_email))) problems.push('contact_email: an e-mail address.');
  const quirks = optional(text(fields, 'quirks').toLowerCase());
  if (quirks !== null && !QUIRKS.test(quirks)) problems.push('quirks: a profile name of lower-case letters, digits and "-".');
  const notes = text(fields, 'notes');
  if (notes.length > MAX_NOTES) problems.push(`notes: at most ${MAX_NOTES} characters.`);
  const boundary_id = optional(text(fields, 'boundary_id'));
  if (boundary_id !== null && !SLUG.test(boundary_id)) problems.push('boundary_id: the id of a boundary of the registry.');
  const discovery_url = httpUrl(text(fields, 'discovery_url'), 'discovery_url', problems);
  const api_key_url = httpUrl(text(fields, 'api_key_url'), 'api_key_url', problems);
  const terms_url = httpUrl(text(fields, 'terms_url'), 'terms_url', problems);
  if (problems.length > 0) throw badRequest(...problems);
  return {
    slug, name, tier: tier as NewEndpoint['tier'], country, base_url: local ? null : base_url, discovery_url, jurisdiction_id, local,
    formats: formats as Format[], api_key_url, terms_url, contact_email, status: status as EndpointStatus, boundary_id, quirks, notes,
  };
}
