/** Whatever the body, a reader returns or throws a ReadError; readErrors always returns. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Format } from '@o311/georeport';
import type { ReadOptions } from '../src/model.js';
import {
  ReadError, readDiscovery, readErrors, readReceipts, readRequests, readServiceDefinition, readServices, readUpdates,
} from '../src/read/index.js';

type Reader = (body: string, format: Format, options?: ReadOptions) => unknown;
const READERS: Readonly<Record<string, Reader>> = {
  readDiscovery, readServices, readServiceDefinition, readRequests, readReceipts, readUpdates,
};
const OPTIONS: ReadOptions = { timezone: 'America/New_York', area: { south: 59.5, west: 19, north: 70.1, east: 31.6 } };

/** Runs every reader on the body in the format; fails on anything thrown but a ReadError. */
function readAll(body: string, format: Format): void {
  for (const read of Object.values(READERS)) {
    try {
      read(body, format, OPTIONS);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      expect(typeof e.path).toBe('string');
    }
  }
  expect(readErrors(body, format, 400).value).toBeInstanceOf(Array);
}

const NAMES = [
  'services', 'service', 'service_requests', 'requests', 'request', 'service_request_updates', 'request_update', 'discovery',
  'endpoints', 'endpoint', 'formats', 'format', 'service_definition', 'attributes', 'attribute', 'values', 'value', 'key', 'name',
  'errors', 'error', 'code', 'description', 'message', 'service_code', 'service_request_id', 'token', 'status', 'lat', 'long',
  'requested_datetime', 'updated_datetime', 'zipcode', 'metadata', 'type', 'order', 'datatype', 'variable', 'required',
  'extended_attributes', 'm:service_code', 'xsi:nil', '__proto__', 'toString', 'html',
] as const;
const name = fc.constantFrom(...NAMES);
const scalarText = fc.oneof(
  fc.constantFrom('', ' ', '0', '0.0', 'true', 'FALSE', 'Open', '2012-05-22 23:57:23.97', '2020-02-30T00:00:00Z', '1e400', '-91', 'NaN', 'x'),
  fc.string({ maxLength: 12 }),
);

/** JSON documents shaped like GeoReport ones, with arbitrary values in the fields. */
const jsonLike = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    scalarText,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(name, tie('value'), { maxKeys: 6 }),
  ),
})).value;

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** XML documents built from the spec's element names, with attributes and arbitrary text. */
const xmlLike = fc.letrec<{ element: string }>((tie) => ({
  element: fc.tuple(
    name.filter((n) => !n.includes('_proto_') && n !== 'toString'),
    fc.option(fc.constantFrom(' xsi:nil="true"', ' is_array="true"', ' xmlns:m="urn:x"', ' xmlns="http://wiki.open311.org/GeoReport_v2"')),
    fc.oneof({ depthSize: 'small' }, scalarText.map(escape), fc.array(tie('element'), { maxLength: 4 }).map((c) => c.join(''))),
  ).map(([n, attribute, inner]) => `<${n}${attribute ?? ''}>${inner}</${n}>`),
})).element;

describe('no body makes a reader throw anything but ReadError', () => {
  it('arbitrary strings, in both formats', () => {
    const markup = fc.constantFrom('<', '>', '</', '/>', '&', '&amp;', '"', '{', '}', '[', ']', ':', ',', '<?xml version="1.0"?>', '<!DOCTYPE html>', '<![CDATA[', ']]>');
    const body = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), markup), maxLength: 60 });
    fc.assert(fc.property(body, (b) => { readAll(b, 'xml'); readAll(b, 'json'); }), { numRuns: 400 });
  });

  it('arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => { readAll(JSON.stringify(v), 'json'); }), { numRuns: 400 });
  });

  it('JSON shaped like GeoReport documents', () => {
    fc.assert(fc.property(jsonLike, (v) => { readAll(JSON.stringify(v), 'json'); }), { numRuns: 600 });
  });

  it('XML shaped like GeoReport documents', () => {
    fc.assert(fc.property(xmlLike, (x) => { readAll(`<?xml version="1.0" encoding="utf-8"?>${x}`, 'xml'); }), { numRuns: 600 });
  });

  it('real responses with any field replaced by an arbitrary JSON value', () => {
    const fixture = (n: string): unknown =>
      JSON.parse(readFileSync(new URL(`../../../../shared/fixtures/real/${n}`, import.meta.url), 'utf8'));
    const requests = fixture('bloomington-requests.json') as Record<string, unknown>[];
    const services = fixture('bloomington-services.json') as Record<string, unknown>[];
    const mutated = (items: Record<string, unknown>[]) =>
      fc.tuple(fc.nat({ max: items.length - 1 }), fc.constantFrom(...Object.keys(items[0] ?? {})), fc.jsonValue({ maxDepth: 2 }))
        .map(([i, key, v]) => items.map((item, j) => (j === i ? { ...item, [key]: v } : item)));
    fc.assert(fc.property(mutated(requests), (list) => { readAll(JSON.stringify(list), 'json'); }), { numRuns: 200 });
    fc.assert(fc.property(mutated(services), (list) => { readAll(JSON.stringify(list), 'json'); }), { numRuns: 200 });
  });
});

describe('every reader reports through warnings, never silently', () => {
  it('warnings are aggregated: at most one per code and path tail', () => {
    fc.assert(fc.property(jsonLike, (v) => {
      try {
        const { warnings } = readRequests(JSON.stringify(v), 'json');
        const keys = warnings.map((w) => `${w.code} ${w.message.split(' ')[0] ?? ''} ${w.path.replace(/\[\d+\]/g, '[]')}`);
        expect(new Set(keys).size).toBe(keys.length);
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
      }
    }), { numRuns: 300 });
  });
});
