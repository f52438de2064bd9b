import { describe, expect, it } from 'vitest';
import { parseRaw } from './document.js';
import { extract } from './shape.js';
import { parseXml, XmlSyntaxError } from './xml-parser.js';

describe('parseXml', () => {
  it('reads the declaration, elements, attributes, entities and CDATA', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><services xmlns:m="urn:x"><service a="1 &amp; 2"><d>x &lt; y &#233; &#x2713;</d><e><![CDATA[<b>&]]></e><f/></service></services>\n',
    );
    expect(doc.declaration).toEqual({ version: '1.0', encoding: 'utf-8' });
    expect(doc.root.attributes).toEqual({ 'xmlns:m': 'urn:x' });
    const service = doc.root.children[0];
    expect(service?.attributes).toEqual({ a: '1 & 2' });
    expect(service?.children.map((c) => [c.name, c.text])).toEqual([['d', 'x < y é ✓'], ['e', '<b>&'], ['f', '']]);
  });

  it.each([
    ['<a><b></a>', /closing tag/],
    ['<a>&nbsp;</a>', /undefined entity/],
    ['<a/>trailing', /text outside the root/],
    ['<a/><b/>', /second root/],
    ['<a>', /Unclosed/],
    ['', /Start tag expected/],
    ['<a x="1" x="2"/>', /repeated/],
    ['<a>AT&T</a>', /not expected/],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(message);
  });
});

describe('parseRaw + extract', () => {
  it('maps XML lists and leaves as the spec does (empty element → null)', () => {
    const parsed = parseRaw('<services><service><service_code>001</service_code><keywords/></service></services>', 'xml');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(extract(parsed.doc, { root: 'services', item: 'service' })).toEqual({
      items: [{ service_code: '001', keywords: null }],
      problems: [],
    });
  });

  it('names a foreign root and still finds the items', () => {
    const parsed = parseRaw('<requests><request><service_request_id>1</service_request_id></request></requests>', 'xml');
    if (!parsed.ok) throw new Error(parsed.error);
    const { items, problems } = extract(parsed.doc, { root: 'service_requests', item: 'request' });
    expect(items).toEqual([{ service_request_id: '1' }]);
    expect(problems).toEqual(['root element is <requests>, expected <service_requests>']);
  });

  it('unwraps wrapped JSON and reports it; a bare object where a list belongs too', () => {
    const wrapped = parseRaw('{"services":[{"service_code":"a"}]}', 'json');
    const bare = parseRaw('{"service_code":"a"}', 'json');
    if (!wrapped.ok || !bare.ok) throw new Error('unparsed');
    expect(extract(wrapped.doc, { root: 'services', item: 'service' }).items).toEqual([{ service_code: 'a' }]);
    expect(extract(wrapped.doc, { root: 'services', item: 'service' }).problems[0]).toMatch(/wrapped/);
    expect(extract(bare.doc, { root: 'services', item: 'service' }).problems[0]).toMatch(/single object/);
  });

  it('reports malformed bodies without throwing', () => {
    expect(parseRaw('{"a":', 'json')).toMatchObject({ ok: false, error: expect.stringMatching(/not well-formed JSON/) });
    expect(parseRaw('<a>', 'xml')).toMatchObject({ ok: false, error: expect.stringMatching(/not well-formed XML/) });
  });
});
