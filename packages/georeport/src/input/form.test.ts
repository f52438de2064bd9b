import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { descriptionsOf400, expectValueOr400 } from '../../test/open311-failure.js';
import { attributeFields, field, parseForm } from './form.js';

const entries = (body: string) => [...parseForm(body)];

describe('parseForm', () => {
  it('splits pairs and keeps repeated keys in order', () => {
    expect(entries('service_code=001&media_url=a&media_url=b')).toEqual([
      ['service_code', ['001']],
      ['media_url', ['a', 'b']],
    ]);
  });

  it("reads '+' as a space and decodes percent-escapes, also UTF-8", () => {
    expect(entries('description=Big+hole%20here%21&address_string=K%C3%B6ln+%2B+Bonn')).toEqual([
      ['description', ['Big hole here!']],
      ['address_string', ['Köln + Bonn']],
    ]);
  });

  it('takes a bare key as an empty value and skips empty pairs and names', () => {
    expect(entries('&&flag&=orphan&x=')).toEqual([
      ['flag', ['']],
      ['x', ['']],
    ]);
    expect(entries('')).toEqual([]);
  });

  it('keeps everything after the first = in the value', () => {
    expect(entries('media_url=http://x.org/?a=1%26b=2')).toEqual([['media_url', ['http://x.org/?a=1&b=2']]]);
  });

  it('reads bracket syntax raw and percent-encoded; [] values accumulate under attribute[CODE]', () => {
    const fields = parseForm('attribute[SIDE]=left&attribute%5BTAGS%5D%5B%5D=a&attribute[TAGS][]=b&attribute%5bTAGS%5d=c');
    expect([...fields]).toEqual([
      ['attribute[SIDE]', ['left']],
      ['attribute[TAGS]', ['a', 'b', 'c']],
    ]);
  });

  it('drops a trailing [] from any name (PHP-style repetition)', () => {
    expect(entries('media_url[]=a&media_url[]=b')).toEqual([['media_url', ['a', 'b']]]);
  });

  it('rejects malformed percent-encoding with a 400 naming the field', () => {
    expect(descriptionsOf400(() => parseForm('description=100%&lat=1'))).toEqual([
      "The value of 'description' has malformed percent-encoding.",
    ]);
    expect(descriptionsOf400(() => parseForm('a=%E0%A4%A'))).toEqual(["The value of 'a' has malformed percent-encoding."]);
    expect(descriptionsOf400(() => parseForm('bad%zzname=1'))).toEqual(["The field name 'bad%zzname' has malformed percent-encoding."]);
  });

  it('reports every malformed field at once', () => {
    expect(descriptionsOf400(() => parseForm('a=%&b=%ff&a=%'))).toHaveLength(2);
  });

  it('never fails on any input except with a 400', () => {
    const unit = fc.oneof(
      fc.constantFrom('&', '=', '%', '+', '[', ']', '%5B', '%5D', '%2', '%zz', '%C3', '%A9', 'attribute', 'lat', ' '),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (body) => {
        const result = expectValueOr400(() => parseForm(body));
        if (result instanceof Map) {
          for (const [name, values] of result) {
            expect(name).not.toBe('');
            expect(values.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('inverts URLSearchParams encoding for any names and values', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const name = text.filter((s) => s !== '' && !s.endsWith('[]'));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, text), { maxLength: 6 }), (pairs) => {
        const expected = new Map<string, string[]>();
        for (const [k, v] of pairs) expected.set(k, [...(expected.get(k) ?? []), v]);
        expect(parseForm(new URLSearchParams(pairs).toString())).toEqual(expected);
      }),
    );
  });
});

describe('field', () => {
  const fields = parseForm('a=&a=x&a=y&b=&c=0');

  it('returns the first non-empty value', () => {
    expect(field(fields, 'a')).toBe('x');
    expect(field(fields, 'c')).toBe('0');
  });

  it('treats empty and missing alike', () => {
    expect(field(fields, 'b')).toBeUndefined();
    expect(field(fields, 'missing')).toBeUndefined();
  });
});

describe('attributeFields', () => {
  it('maps codes to their non-empty values', () => {
    const fields = parseForm('attribute[A]=1&attribute[B][]=x&attribute[B][]=&attribute[B][]=y&attribute[EMPTY]=&attribute=z&attributes[C]=1&attribute[D]E]=q');
    expect([...attributeFields(fields)]).toEqual([
      ['A', ['1']],
      ['B', ['x', 'y']],
      ['D]E', ['q']],
    ]);
  });

  it('keeps codes exactly as sent (case, spaces, unicode)', () => {
    expect([...attributeFields(parseForm('attribute%5Bstraße%20nr%5D=5'))]).toEqual([['straße nr', ['5']]]);
  });
});
