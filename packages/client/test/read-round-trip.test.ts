/**
 * o311's own strict output (the @o311/georeport encoders) must read back unchanged
 * and with zero warnings, in both formats: the tolerant readers flag quirks, never the spec.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type {
  Attribute, Discovery, Format, Open311ErrorItem, PublicRequestWithExtensions, RequestExtensions, RequestReceipt, RequestUpdate,
  Service, ServiceDefinition,
} from '@o311/georeport';
import {
  DATATYPES, encodeDiscovery, encodeErrors, encodeReceipts, encodeRequests, encodeServiceDefinition, encodeServices,
  encodeUpdates, EXTENDED_STATUSES, formatDateTime, PUBLIC_STATUSES, SERVICE_TYPES,
} from '@o311/georeport';
import type { Read } from '../src/warnings.js';
import {
  readDiscovery, readErrors, readReceipts, readRequests, readServiceDefinition, readServices, readUpdates,
} from '../src/read/index.js';

const markup = fc.constantFrom('<', '>', '&', '"', "'", '&amp;', ']]>', '&#13;', '&nbsp;', '<![CDATA[', '#text', '\r\n', '\t', ' ');
/** Text as a conforming server writes it: printable, not padded, not empty, and never XML-illegal. */
const text = fc
  .string({ unit: fc.oneof({ weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: markup }), minLength: 1, maxLength: 20 })
  .map((s) => s.trim())
  .filter((s) => s !== '' && s !== '0');
const nullableText = fc.option(text);
const date = fc
  .tuple(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom('UTC', 'America/Chicago', 'Europe/Helsinki', 'Asia/Kolkata'))
  .map(([ms, zone]) => formatDateTime(ms, zone));
const coordinate = (max: number) => fc.double({ min: -max, max, noNaN: true }).filter((n) => n !== 0);
const extendedStatus = fc.constantFrom(...(Object.keys(EXTENDED_STATUSES) as (keyof typeof EXTENDED_STATUSES)[]));

const service: fc.Arbitrary<Service> = fc.record({
  service_code: text, service_name: text, description: nullableText, metadata: fc.boolean(), type: fc.constantFrom(...SERVICE_TYPES),
  keywords: nullableText, group: nullableText,
});

const attribute: fc.Arbitrary<Attribute> = fc
  .record({
    variable: fc.boolean(), code: text, datatype: fc.constantFrom(...DATATYPES), required: fc.boolean(), datatype_description: nullableText,
    order: fc.integer({ min: 1, max: 1000 }), description: text, values: fc.array(fc.record({ key: text, name: text }), { maxLength: 4 }),
  })
  .map(({ values, ...rest }) => (rest.datatype.endsWith('valuelist') ? { ...rest, values } : rest));

const definition: fc.Arbitrary<ServiceDefinition> = fc.record({ service_code: text, attributes: fc.array(attribute, { maxLength: 4 }) });

const extensions: fc.Arbitrary<RequestExtensions> = fc.record({
  detailed_status: extendedStatus,
  media_urls: fc.array(text, { maxLength: 3 }),
  notes: fc.array(fc.record({ datetime: date, type: fc.constantFrom('submitted' as const, 'status_change' as const, 'comment' as const), status: extendedStatus, description: text }), { maxLength: 3 }),
  attributes: fc.array(fc.record({ code: text, value: fc.oneof(text, fc.array(text, { maxLength: 3 })) }), { maxLength: 3 }),
});

const request = (withExtensions: boolean): fc.Arbitrary<PublicRequestWithExtensions> =>
  fc.record({
    service_request_id: text, status: fc.constantFrom(...PUBLIC_STATUSES), status_notes: nullableText, service_name: text,
    service_code: text, description: nullableText, agency_responsible: nullableText, service_notice: nullableText,
    requested_datetime: date, updated_datetime: date, expected_datetime: fc.option(date), address: nullableText,
    address_id: nullableText, zipcode: nullableText, lat: fc.option(coordinate(90)), long: fc.option(coordinate(180)), media_url: nullableText,
    ...(withExtensions ? { extended_attributes: extensions } : {}),
  });

const receipt: fc.Arbitrary<RequestReceipt> = fc.record(
  { service_request_id: nullableText, token: nullableText, service_notice: nullableText, account_id: nullableText },
  { requiredKeys: ['service_notice', 'account_id'] },
);

const update: fc.Arbitrary<RequestUpdate> = fc.record({
  update_id: text, service_request_id: text, status: extendedStatus, updated_datetime: date,
  description: fc.oneof(text, fc.constant('')), media_url: nullableText,
});

const error: fc.Arbitrary<Open311ErrorItem> = fc.record({ code: fc.integer({ min: 100, max: 599 }), description: text });

const discovery: fc.Arbitrary<Discovery> = fc.record({
  changeset: text, contact: text, key_service: text,
  endpoints: fc.array(fc.record({
    specification: text, url: text, changeset: text, type: fc.constantFrom('production' as const, 'test' as const), formats: fc.array(text, { maxLength: 3 }),
  }), { maxLength: 3 }),
});

const list = <T>(a: fc.Arbitrary<T>) => fc.array(a, { maxLength: 5 });

function roundTrip<T>(arb: fc.Arbitrary<T>, encode: (v: T, f: Format) => string, read: (body: string, f: Format) => Read<unknown>, format: Format): void {
  fc.assert(fc.property(arb, (v) => { expect(read(encode(v, format), format)).toEqual({ value: v, warnings: [] }); }), { numRuns: 150 });
}

for (const format of ['xml', 'json'] as const) {
  describe(`o311's own ${format} reads back unchanged with zero warnings`, () => {
    it('services', () => roundTrip(list(service), encodeServices, readServices, format));
    it('service definitions', () => roundTrip(definition, encodeServiceDefinition, readServiceDefinition, format));
    // extended_attributes are kept as sent: from XML that is the element tree, so only JSON compares equal.
    it('requests', () => roundTrip(list(request(format === 'json')), encodeRequests, readRequests, format));
    it('receipts', () => roundTrip(list(receipt), encodeReceipts, readReceipts, format));
    it('updates', () => roundTrip(list(update), encodeUpdates, readUpdates, format));
    it('errors', () => roundTrip(list(error), encodeErrors, (b, f) => readErrors(b, f), format));
    it('discovery', () => roundTrip(discovery, encodeDiscovery, readDiscovery, format));
  });
}
