/** The fields of each service request object in the default lists (spec: GET Service Requests; digest §1, §10, §13). */
import { PUBLIC_STATUSES } from '@o311/georeport';
import type { Check } from '../check.js';
import { codePointLength } from '../raw/text.js';
import { member, textOf } from '../raw/value.js';
import { requestLocationChecks } from './requests-location.js';
import { REQUEST_FIELDS_REF, requestRule, requestsSources } from './support/areas.js';
import { SLACK_MS } from './support/dates.js';
import { dateTime, duplicates, epochOf, jsonType, oneOf, present, required, urlOrNull } from './support/fields.js';
import { docRule } from './support/sources.js';

export const requestFieldChecks: readonly Check[] = [
  /** service_request_id, status, service_code and requested_datetime are present and not empty. */
  {
    id: 'requests-required-fields',
    title: 'Each request has service_request_id, status, service_code and requested_datetime',
    specRef: REQUEST_FIELDS_REF,
    severity: 'error',
    fix: 'Give every request service_request_id, status, service_code and requested_datetime.',
    run: requestRule((r) => [required(r, 'service_request_id'), required(r, 'status'), required(r, 'service_code'), required(r, 'requested_datetime')]),
  },
  /** The fields the spec always returns are listed (they may be empty). */
  {
    id: 'requests-listed-fields',
    title: "Each request lists the spec's always-returned fields",
    specRef: REQUEST_FIELDS_REF,
    severity: 'warning',
    fix: 'List every field the spec always returns, empty when there is no value.',
    run: requestRule((r) =>
      ['service_name', 'description', 'updated_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'].map((k) => present(r, k)),
    ),
  },
  /** status is exactly open or closed. */
  { id: 'requests-status', title: 'status is open or closed (lower case)', specRef: REQUEST_FIELDS_REF, severity: 'error', fix: 'Write status in lower case as open or closed; keep finer states in status_notes.', run: requestRule((r) => [oneOf(r, 'status', PUBLIC_STATUSES)]) },
  /** requested/updated/expected datetimes are W3C datetimes with Z or ±hh:mm. */
  {
    id: 'requests-datetimes',
    title: 'Datetimes are ISO 8601 with a timezone (Z or ±hh:mm)',
    specRef: `${REQUEST_FIELDS_REF}; digest §1 (Dates)`,
    severity: 'error',
    fix: 'Write datetimes as ISO 8601 with Z or an offset, for example 2026-01-31T09:00:00-06:00.',
    run: requestRule((r) => [dateTime(r, 'requested_datetime'), dateTime(r, 'updated_datetime'), dateTime(r, 'expected_datetime')]),
  },
  ...requestLocationChecks,
  /**
   * JSON: service_request_id and service_code are JSON strings. open311/schema-validation's
   * request.json types both `string` (digest §1 Typing, §14); the spec's own examples'
   * bare `001` is not even valid JSON. A number (or any non-string) is an error; null is
   * left to requests-required-fields, and XML (all text) is not concerned.
   */
  {
    id: 'requests-json-ids',
    title: 'JSON requests carry service_request_id and service_code as strings',
    specRef: `${REQUEST_FIELDS_REF}; digest §1 (Typing)`,
    severity: 'error',
    formats: ['json'],
    fix: 'Write service_request_id and service_code as JSON strings, even when they look like numbers.',
    run: requestRule((r) => [jsonType(r, 'service_request_id', 'string', true), jsonType(r, 'service_code', 'string', true)], 'json'),
  },
  /**
   * JSON: lat/long are numbers or null, status and the other fields strings or null.
   * The schema types lat/long `number`, but stringified numbers are widespread and every
   * tolerant client reads them (digest §1 Typing, §13.4): a warning for interoperability.
   */
  {
    id: 'requests-json-types',
    title: 'JSON requests use numeric lat/long and string fields',
    specRef: `${REQUEST_FIELDS_REF}; digest §1 (Typing)`,
    severity: 'warning',
    formats: ['json'],
    fix: 'Write lat and long as JSON numbers and text fields as strings (or null).',
    run: requestRule(
      (r) => [
        jsonType(r, 'status', 'string', false), jsonType(r, 'lat', 'number', true), jsonType(r, 'long', 'number', true),
        ...['status_notes', 'service_name', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime',
          'expected_datetime', 'address', 'address_id', 'zipcode', 'media_url'].map((k) => jsonType(r, k, 'string', true)),
      ],
      'json',
    ),
  },
  /**
   * media_url is an absolute http(s) URL, or null/absent. open311/schema-validation's
   * request.json says `"format": "uri"` or null (digest §14), so `""` (Bloomington,
   * digest §13.5) and text that is no URL are flagged; a warning: clients cope by ignoring it.
   */
  {
    id: 'requests-media-url',
    title: 'media_url is a URL or null (not "")',
    specRef: `${REQUEST_FIELDS_REF}; digest §13.5`,
    severity: 'warning',
    fix: 'Leave media_url out or null when there is no photo, never an empty string.',
    run: requestRule((r, format) => [urlOrNull(r, 'media_url', format)]),
  },
  /** A list does not hold the same service_request_id twice. */
  {
    id: 'requests-ids-unique',
    title: 'service_request_id values are unique in a list',
    specRef: REQUEST_FIELDS_REF,
    severity: 'error',
    fix: 'List each request once.',
    run: docRule({
      sources: requestsSources,
      what: 'requests list',
      rule: (items) => duplicates(items.map((r) => textOf(member(r, 'service_request_id')))).map((id) => `service_request_id '${id}' appears more than once`),
      passMessage: () => 'no service_request_id repeats',
    }),
  },
  /** description is at most 4000 characters. */
  {
    id: 'requests-description-length',
    title: 'description is at most 4000 characters',
    specRef: `${REQUEST_FIELDS_REF}; digest §1 (description)`,
    severity: 'error',
    fix: 'Keep descriptions to 4000 characters at most.',
    run: requestRule((r) => {
      const d = textOf(member(r, 'description'));
      return [d !== null && codePointLength(d) > 4000 ? `description has ${codePointLength(d)} characters` : null];
    }),
  },
  /** updated_datetime is not earlier than requested_datetime. */
  {
    id: 'requests-updated-after-requested',
    title: 'updated_datetime is not before requested_datetime',
    specRef: REQUEST_FIELDS_REF,
    severity: 'warning',
    fix: 'Make sure updated_datetime is never earlier than requested_datetime.',
    run: requestRule((r) => {
      const [req, upd] = [epochOf(r, 'requested_datetime'), epochOf(r, 'updated_datetime')];
      return [req !== null && upd !== null && upd < req - SLACK_MS ? 'updated_datetime is earlier than requested_datetime' : null];
    }),
  },];
