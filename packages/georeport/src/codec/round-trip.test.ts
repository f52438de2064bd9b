import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Format } from '../format.js';
import type {
  Attribute, Discovery, Open311ErrorItem, PublicRequestWithExtensions, RequestExtensions, RequestReceipt, RequestUpdate,
  Service, ServiceDefinition,
} from '../model.js';
import { DATATYPES, EXTENDED_STATUSES, PUBLIC_STATUSES, SERVICE_TYPES } from '../model.js';
import {
  decodeDiscovery, decodeErrors, decodeReceipts, decodeRequests, decodeServiceDefinition, decodeServices, decodeUpdates,
} from './decode.js';
import {
  encodeDiscovery, encodeErrors, encodeReceipts, encodeRequests, encodeServiceDefinition, encodeServices, encodeUpdates,
} from './encode.js';

/** Characters XML 1.0 cannot carry, written independently of the encoder's own loop. */
const ILLEGAL_IN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const stripIllegal = (s: string): string => s.replace(ILLEGAL_IN_XML, '');

const markup = fc.constantFrom('<', '>', '&', '"', "'", '&amp;', ']]>', '\r', '\r\n', '\n', '\t', ' ', '&#13;', '&nbsp;', '<![CDATA[', '-->', '#text');
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: markup },
    { weight: 1, arbitrary: loneSurrogate },
  ),
  maxLength: 24,
});

/** Arbitraries for one format: XML can only carry legal XML characters. */
function arbitraries(format: Format) {
  const text = format === 'xml' ? anyText.map(stripIllegal) : anyText;
  const nullableText = fc.option(text.filter((s) => s !== ''));
  const coordinate = (max: number) => fc.option(fc.double({ min: -max, max, noNaN: true }).map((n) => n || 0));

  const service: fc.Arbitrary<Service> = fc.record({
    service_code: text, service_name: text, description: nullableText, metadata: fc.boolean(),
    type: fc.constantFrom(...SERVICE_TYPES), keywords: nullableText, group: nullableText,
  });

  const attribute: fc.Arbitrary<Attribute> = fc
    .record({
      variable: fc.boolean(), code: text, datatype: fc.constantFrom(...DATATYPES), required: fc.boolean(),
      datatype_description: nullableText, order: fc.integer({ min: 1, max: 1000 }), description: text,
      values: fc.array(fc.record({ key: text, name: text }), { maxLength: 4 }),
    })
    .map(({ values, ...rest }) => (rest.datatype.endsWith('valuelist') ? { ...rest, values } : rest));

  const definition: fc.Arbitrary<ServiceDefinition> = fc.record({ service_code: text, attributes: fc.array(attribute, { maxLength: 4 }) });

  const extendedStatus = fc.constantFrom(...(Object.keys(EXTENDED_STATUSES) as (keyof typeof EXTENDED_STATUSES)[]));
  const extensions: fc.Arbitrary<RequestExtensions> = fc.record({
    detailed_status: extendedStatus,
    media_urls: fc.array(text, { maxLength: 3 }),
    notes: fc.array(
      fc.record({ datetime: text, type: fc.constantFrom('submitted' as const, 'status_change' as const, 'comment' as const), status: extendedStatus, description: text }),
      { maxLength: 3 },
    ),
    attributes: fc.array(fc.record({ code: text, value: fc.oneof(text, fc.array(text, { maxLength: 3 })) }), { maxLength: 3 }),
  });

  const request: fc.Arbitrary<PublicRequestWithExtensions> = fc.record(
    {
      service_request_id: text, status: fc.constantFrom(...PUBLIC_STATUSES), status_notes: nullableText, service_name: text,
      service_code: text, description: nullableText, agency_responsible: nullableText, service_notice: nullableText,
      requested_datetime: text, updated_datetime: text, expected_datetime: nullableText, address: nullableText,
      address_id: nullableText, zipcode: nullableText, lat: coordinate(90), long: coordinate(180), media_url: nullableText,
      extended_attributes: extensions,
    },
    { requiredKeys: [
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
      'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode',
      'lat', 'long', 'media_url',
    ] },
  );

  const receipt: fc.Arbitrary<RequestReceipt> = fc.record(
    { service_request_id: nullableText, token: nullableText, service_notice: nullableText, account_id: nullableText },
    { requiredKeys: ['service_notice', 'account_id'] },
  );

  const update: fc.Arbitrary<RequestUpdate> = fc.record({
    update_id: text, service_request_id: text, status: extendedStatus, updated_datetime: text, description: text, media_url: nullableText,
  });

  const error: fc.Arbitrary<Open311ErrorItem> = fc.record({ code: fc.integer({ min: 100, max: 599 }), description: text });

  const discovery: fc.Arbitrary<Discovery> = fc.record({
    changeset: text, contact: text, key_service: text,
    endpoints: fc.array(
      fc.record({ specification: text, url: text, changeset: text, type: fc.constantFrom('production' as const, 'test' as const), formats: fc.array(text, { maxLength: 3 }) }),
      { maxLength: 3 },
    ),
  });

  return { service, definition, request, receipt, update, error, discovery };
}

const list = <T>(a: fc.Arbitrary<T>) => fc.array(a, { maxLength: 5 });

for (const format of ['xml', 'json'] as const) {
  describe(`${format} round trip (encode then decode gives the same value)`, () => {
    const a = arbitraries(format);
    const roundTrip = <T>(arb: fc.Arbitrary<T>, encode: (v: T, f: Format) => string, decode: (b: string, f: Format) => T) => {
      fc.assert(fc.property(arb, (v) => { expect(decode(encode(v, format), format)).toEqual(v); }), { numRuns: 300 });
    };

    it('services', () => roundTrip(list(a.service), encodeServices, decodeServices));
    it('service definitions', () => roundTrip(a.definition, encodeServiceDefinition, decodeServiceDefinition));
    it('requests, with and without extended_attributes', () => roundTrip(list(a.request), encodeRequests, decodeRequests));
    it('receipts', () => roundTrip(list(a.receipt), encodeReceipts, decodeReceipts));
    it('updates', () => roundTrip(list(a.update), encodeUpdates, decodeUpdates));
    it('errors', () => roundTrip(list(a.error), encodeErrors, decodeErrors));
    it('discovery', () => roundTrip(a.discovery, encodeDiscovery, decodeDiscovery));
  });
}

describe('xml round trip of text XML cannot carry', () => {
  it('gives back the text with the illegal characters stripped', () => {
    fc.assert(
      fc.property(anyText, anyText, (description, notes) => {
        const [e] = decodeErrors(encodeErrors([{ code: 400, description }], 'xml'), 'xml');
        expect(e?.description).toBe(stripIllegal(description));
        const [u] = decodeReceipts(encodeReceipts([{ token: 't', service_notice: notes, account_id: null }], 'xml'), 'xml');
        expect(u?.service_notice).toBe(stripIllegal(notes) === '' ? null : stripIllegal(notes));
      }),
      { numRuns: 500 },
    );
  });

  it('always produces well-formed output that a strict parser accepts', () => {
    fc.assert(
      fc.property(list(arbitraries('json').request), (requests) => {
        const xml = encodeRequests(requests, 'xml');
        expect(xml.replace(ILLEGAL_IN_XML, '')).toBe(xml);
        expect(decodeRequests(xml, 'xml')).toHaveLength(requests.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('empty nullable strings', () => {
  it('come back as null in both formats', () => {
    for (const format of ['xml', 'json'] as const) {
      const [s] = decodeServices(encodeServices([{ service_code: '1', service_name: '', description: '', metadata: false, type: 'blackbox', keywords: '', group: '' }], format), format);
      expect(s).toEqual({ service_code: '1', service_name: '', description: null, metadata: false, type: 'blackbox', keywords: null, group: null });
    }
  });
});
