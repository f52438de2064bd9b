/** Finding the document in a body: JSON framings, XML roots, foreign markup, and what is not a document. */
import { describe, expect, it } from 'vitest';
import type { ReadWarning } from '../src/warnings.js';
import { ReadError, readDiscovery, readRequests, readServiceDefinition, readServices } from '../src/read/index.js';

const SERVICE = { service_code: 'a', service_name: 'A', description: null, metadata: false, type: 'realtime', keywords: null, group: null };
const XML_SERVICE = '<service><service_code>a</service_code><service_name>A</service_name><description/><metadata>false</metadata><type>realtime</type><keywords/><group/></service>';
const summary = (warnings: ReadWarning[]): string[] => warnings.map((w) => `${w.code} ${w.path}`);

function readError(read: () => unknown): ReadError {
  try {
    read();
  } catch (e) {
    if (e instanceof ReadError) return e;
    throw e;
  }
  throw new Error('expected a ReadError');
}

describe('JSON framing', () => {
  it('reads the spec top-level array without warnings', () => {
    expect(readServices(JSON.stringify([SERVICE]), 'json')).toEqual({ value: [SERVICE], warnings: [] });
  });

  it.each([
    [{ services: [SERVICE] }, 'services'],
    [{ service: [SERVICE] }, 'service'],
    [{ services: { service: [SERVICE] } }, 'services'],
    [{ data: [SERVICE] }, 'data'],
  ])('unwraps %j', (body, key) => {
    const { value, warnings } = readServices(JSON.stringify(body), 'json');
    expect(value).toEqual([SERVICE]);
    expect(warnings[0]).toMatchObject({ code: 'wrapped-json', path: key });
  });

  it('reads a wrapper holding null as an empty list', () => {
    expect(readServices('{"services":null}', 'json').value).toEqual([]);
  });

  it('reports other members of a wrapper', () => {
    const { warnings } = readRequests(JSON.stringify({ service_requests: [], total: 0 }), 'json');
    expect(summary(warnings)).toEqual(['wrapped-json service_requests', 'unknown-field total']);
  });

  it('reads a bare object as a list of one', () => {
    const { value, warnings } = readServices(JSON.stringify(SERVICE), 'json');
    expect(value).toEqual([SERVICE]);
    expect(warnings).toEqual([{
      code: 'bare-object', path: 'services',
      message: 'A single service object was sent where a list was expected; read as a list of one',
    }]);
  });

  it('unwraps a wrapped or one-element document', () => {
    const definition = { service_code: 'x', attributes: [] };
    for (const body of [{ service_definition: definition }, [definition]]) {
      const { value, warnings } = readServiceDefinition(JSON.stringify(body), 'json');
      expect(value).toEqual(definition);
      expect(warnings.map((w) => w.code)).toEqual(['wrapped-json']);
    }
  });

  it('skips list entries that are not objects, in one warning', () => {
    const { value, warnings } = readServices(JSON.stringify([1, SERVICE, 'x', null]), 'json');
    expect(value).toEqual([SERVICE]);
    expect(warnings).toEqual([{
      code: 'invalid-value', path: 'services.service[0]',
      message: 'Skipped 3 entries of services.service that were not an object (e.g. 1)',
    }]);
  });

  it('strips a byte order mark', () => {
    expect(readServices(`\uFEFF${JSON.stringify([SERVICE])}`, 'json').value).toEqual([SERVICE]);
  });
});

describe('XML framing', () => {
  it('reads the spec root without warnings, pretty-printed or not', () => {
    const pretty = `<?xml version="1.0" encoding="utf-8"?>\n<services>\n  ${XML_SERVICE.replace(/></g, '>\n    <')}\n</services>\n`;
    expect(readServices(pretty, 'xml')).toEqual({ value: [SERVICE], warnings: [] });
    expect(readServices('<services/>', 'xml')).toEqual({ value: [], warnings: [] });
    expect(readServices('<services>\n</services>', 'xml')).toEqual({ value: [], warnings: [] });
  });

  it('reads <requests> for <service_requests>, saying so', () => {
    const { value, warnings } = readRequests('<requests><request><service_request_id>1</service_request_id></request></requests>', 'xml');
    expect(value[0]?.service_request_id).toBe('1');
    expect(warnings[0]).toEqual({
      code: 'unexpected-root', path: 'requests',
      message: 'The root element was <requests> instead of <service_requests>; read it as <service_requests>',
    });
  });

  it('reads a lone item element as a list of one', () => {
    const { value, warnings } = readServices(XML_SERVICE, 'xml');
    expect(value).toEqual([SERVICE]);
    expect(summary(warnings)).toEqual(['bare-object services']);
  });

  it('accepts the GeoReport namespace quietly and reports any other', () => {
    const ns = (attrs: string) => `<services ${attrs}>${XML_SERVICE}</services>`;
    expect(readServices(ns('xmlns="http://wiki.open311.org/GeoReport_v2"'), 'xml').warnings).toEqual([]);
    expect(readServices(ns('xmlns="urn:other"'), 'xml').warnings).toEqual([{
      code: 'foreign-markup', path: 'services.@xmlns', message: 'Namespace declaration xmlns="urn:other" on <services> ignored',
    }]);
  });

  it('strips namespace prefixes from elements, saying so', () => {
    const body = `<m:services xmlns:m="urn:m"><m:service><m:service_code>a</m:service_code><service_name>A</service_name><description/><metadata>false</metadata><type>realtime</type><keywords/><group/></m:service></m:services>`;
    const { value, warnings } = readServices(body, 'xml');
    expect(value).toEqual([SERVICE]);
    expect(summary(warnings).sort()).toEqual([
      'foreign-markup m:services', 'foreign-markup services.@xmlns:m', 'foreign-markup services.m:service',
      'foreign-markup services.service.m:service_code',
    ]);
  });

  it('reads xsi:nil elements as empty and attributes on items as foreign', () => {
    const body = '<service_requests><request id="9"><service_request_id>1</service_request_id><updated_datetime xsi:nil="true">2020-01-01T00:00:00Z</updated_datetime></request></service_requests>';
    const { value, warnings } = readRequests(body, 'xml');
    expect(value[0]?.updated_datetime).toBeNull();
    expect(summary(warnings)).toEqual(expect.arrayContaining([
      'foreign-markup service_requests.request.@id', 'foreign-markup service_requests.request.updated_datetime.@xsi:nil',
    ]));
  });

  it('reports text between elements', () => {
    const { warnings } = readServices(`<services>stray${XML_SERVICE}</services>`, 'xml');
    expect(summary(warnings)).toEqual(['foreign-markup services.#text']);
  });

  it('decodes entities, CDATA and character references', () => {
    const body = '<services><service><service_code>a&amp;b</service_code><service_name><![CDATA[<A>]]></service_name><description>x&#13;y&#x41;</description><metadata>false</metadata><type>realtime</type><keywords/><group/></service></services>';
    expect(readServices(body, 'xml').value[0]).toMatchObject({ service_code: 'a&b', service_name: '<A>', description: 'x\ryA' });
  });
});

describe('what is not a document', () => {
  it.each([
    ['json', 'not json', 'services: not JSON'],
    ['json', '<services/>', 'services: not JSON (the body looks like XML or HTML)'],
    ['json', '42', 'services: expected a JSON array of service objects, found a number'],
    ['json', 'null', 'services: expected a JSON array of service objects, found null'],
    ['json', '{"a":1,"b":2}', 'services: expected a JSON array of service objects, found an object without one'],
    ['json', '{"services":"x"}', 'services: expected a list of service objects, found a string'],
    ['xml', '', 'services: not XML'],
    ['xml', 'plain text', 'services: not XML'],
    ['xml', '<a/><b/>', 'services: not well-formed XML: several root elements'],
    ['xml', '<html><body><h1>Oops</h1></body></html>', 'services: no <service> elements in <html>'],
    ['xml', '<services>text</services>', 'services: <services> holds text, not <service> elements'],
  ] as const)('%s %j', (format, body, message) => {
    const error = readError(() => readServices(body, format));
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.path).toBe(message.slice(0, message.indexOf(':')));
    expect(error.name).toBe('ReadError');
  });

  it('refuses a document under a root that does not hold it', () => {
    expect(readError(() => readDiscovery('<html><body/></html>', 'xml')).message).toBe(
      'discovery: expected a <discovery> document, found <html>',
    );
    expect(readError(() => readServiceDefinition('{"error":"no"}', 'json')).path).toBe('service_definition');
  });

  it('turns XML nested deeper than the parser allows into a ReadError', () => {
    const deep = `<services>${'<a>'.repeat(500)}${'</a>'.repeat(500)}</services>`;
    expect(readError(() => readServices(deep, 'xml')).path).toBe('services');
  });
});
