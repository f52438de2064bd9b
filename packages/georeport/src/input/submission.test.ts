import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { descriptionsOf400, expectValueOr400 } from '../../test/open311-failure.js';
import type { Attribute } from '../model.js';
import { DATATYPES } from '../model.js';
import { parseForm } from './form.js';
import { validateSubmission } from './submission.js';

const attr = (a: Partial<Attribute> & Pick<Attribute, 'code' | 'datatype'>): Attribute => ({
  variable: true, required: false, datatype_description: null, order: 1, description: '', ...a,
});

const definition: Attribute[] = [
  attr({ code: 'ROAD_SIDE', datatype: 'singlevaluelist', required: true, description: 'Which side of the road?', values: [{ key: 'L', name: 'Left' }, { key: 'R', name: 'Right' }] }),
  attr({ code: 'HAZARDS', datatype: 'multivaluelist', values: [{ key: 'glass', name: 'Glass' }, { key: 'oil', name: 'Oil' }, { key: 'a,b', name: 'Comma key' }] }),
  attr({ code: 'DEPTH', datatype: 'number' }),
  attr({ code: 'SEEN', datatype: 'datetime' }),
  attr({ code: 'PLATE', datatype: 'string' }),
  attr({ code: 'NOTES', datatype: 'text' }),
  attr({ code: 'INFO', datatype: 'text', variable: false, required: true, description: 'Display only' }),
];

const submit = (body: string, attributes: readonly Attribute[] = definition) => validateSubmission(parseForm(body), attributes);
const problems = (body: string, attributes: readonly Attribute[] = definition) => descriptionsOf400(() => submit(body, attributes));
const ok = 'service_code=001&lat=41.88&long=-87.63&attribute[ROAD_SIDE]=L';

describe('validateSubmission: location and fields', () => {
  it('returns every field, null when not sent', () => {
    expect(submit(ok)).toEqual({
      service_code: '001', lat: 41.88, long: -87.63, address_string: null, address_id: null, zipcode: null, description: null,
      media_url: null, email: null, device_id: null, account_id: null, first_name: null, last_name: null, phone: null,
      attributes: { ROAD_SIDE: 'L' },
    });
  });

  it('reads the optional submitter fields, trimmed', () => {
    const s = submit(`${ok}&email=+jo%40example.org+&first_name=Jo&last_name=Doe&phone=555&device_id=d1&account_id=a1&zipcode=60601&media_url=https://x.org/a.jpg`);
    expect(s).toMatchObject({ email: 'jo@example.org', first_name: 'Jo', last_name: 'Doe', phone: '555', device_id: 'd1', account_id: 'a1', zipcode: '60601', media_url: 'https://x.org/a.jpg' });
  });

  it("accepts FixMyStreet's deviceid", () => {
    expect(submit(`${ok}&deviceid=abc`).device_id).toBe('abc');
  });

  it('accepts address_string or address_id as the location', () => {
    expect(submit('attribute[ROAD_SIDE]=R&address_string=1+Main+St').address_string).toBe('1 Main St');
    expect(submit('attribute[ROAD_SIDE]=R&address_id=545483').address_id).toBe('545483');
  });

  it('requires a location', () => {
    expect(problems('attribute[ROAD_SIDE]=R&lat=&address_string=+')).toEqual(['A location is required: lat and long, address_string or address_id']);
  });

  it('requires lat and long together, even with an address', () => {
    expect(problems('attribute[ROAD_SIDE]=R&lat=41&address_string=x')).toEqual(['lat and long must be sent together']);
    expect(problems('attribute[ROAD_SIDE]=R&long=41')).toEqual(['lat and long must be sent together']);
  });

  it('checks coordinate ranges and form', () => {
    expect(problems('attribute[ROAD_SIDE]=R&lat=91&long=-180.5')).toEqual([
      'lat must be a number of decimal degrees from -90 to 90',
      'long must be a number of decimal degrees from -180 to 180',
    ]);
    expect(problems('attribute[ROAD_SIDE]=R&lat=1e1&long=Infinity')).toHaveLength(2);
    expect(submit('attribute[ROAD_SIDE]=R&lat=-90&long=180')).toMatchObject({ lat: -90, long: 180 });
  });

  it('limits description to 4000 characters, counted as code points', () => {
    expect(submit(`${ok}&description=${encodeURIComponent('😀'.repeat(4000))}`).description).toHaveLength(8000);
    expect(problems(`${ok}&description=${'a'.repeat(4001)}`)).toEqual(['description must be at most 4000 characters']);
  });

  it('counts a CRLF line break (as HTML forms send them) as one character, as the textarea does', () => {
    const typed = `${'a'.repeat(399)}\r\n`.repeat(10);
    expect(submit(`${ok}&description=${encodeURIComponent(typed)}`).description).toBe(typed);
    expect(problems(`${ok}&description=${encodeURIComponent(`${typed}b`)}`)).toEqual(['description must be at most 4000 characters']);
  });

  it('keeps the description as sent, line breaks included', () => {
    expect(submit(`${ok}&description=${encodeURIComponent('  two\r\nlines ')}`).description).toBe('  two\r\nlines ');
  });

  it('checks email and media_url shapes', () => {
    expect(problems(`${ok}&email=not-an-email&media_url=ftp://x.org/a.jpg`)).toEqual([
      'email must be an email address, e.g. name@example.org',
      'media_url must be an http or https URL',
    ]);
    expect(problems(`${ok}&media_url=javascript:alert(1)`)).toEqual(['media_url must be an http or https URL']);
  });

  it('caps the length of short fields', () => {
    expect(problems(`${ok}&first_name=${'x'.repeat(256)}`)).toEqual(['first_name must be at most 255 characters']);
  });
});

describe('validateSubmission: attributes', () => {
  it('reports a missing required attribute as "<CODE> required: <question>"', () => {
    expect(problems('lat=1&long=1')).toEqual(['ROAD_SIDE required: Which side of the road?']);
    expect(problems('lat=1&long=1', [attr({ code: 'X', datatype: 'string', required: true })])).toEqual(['X required']);
    expect(problems('lat=1&long=1&attribute[ROAD_SIDE]=')).toEqual(['ROAD_SIDE required: Which side of the road?']);
  });

  it('ignores non-variable attributes and unknown codes', () => {
    expect(submit(`${ok}&attribute[INFO]=x&attribute[NOPE]=y`).attributes).toEqual({ ROAD_SIDE: 'L' });
  });

  it('takes exactly one singlevaluelist key', () => {
    expect(problems('lat=1&long=1&attribute[ROAD_SIDE]=Left')).toEqual(["ROAD_SIDE value 'Left' is not one of: L, R"]);
    expect(problems('lat=1&long=1&attribute[ROAD_SIDE][]=L&attribute[ROAD_SIDE][]=R')).toEqual(['ROAD_SIDE takes one value; 2 were sent']);
  });

  it('takes one or more multivaluelist keys, repeated or single, never split on commas', () => {
    expect(submit(`${ok}&attribute[HAZARDS][]=glass&attribute[HAZARDS][]=oil&attribute[HAZARDS][]=glass`).attributes['HAZARDS']).toEqual(['glass', 'oil']);
    expect(submit(`${ok}&attribute[HAZARDS]=oil`).attributes['HAZARDS']).toEqual(['oil']);
    expect(submit(`${ok}&attribute[HAZARDS]=a,b`).attributes['HAZARDS']).toEqual(['a,b']);
    expect(problems(`${ok}&attribute[HAZARDS][]=glass&attribute[HAZARDS][]=fire`)).toEqual(["HAZARDS value 'fire' is not one of: glass, oil, a,b"]);
  });

  it('treats an empty value of an optional list as no value', () => {
    expect(submit(`${ok}&attribute[HAZARDS]=`).attributes).not.toHaveProperty('HAZARDS');
  });

  it('normalises numbers and rejects non-numbers', () => {
    expect(submit(`${ok}&attribute[DEPTH]=+04.50`).attributes['DEPTH']).toBe('4.5');
    expect(submit(`${ok}&attribute[DEPTH]=1e3`).attributes['DEPTH']).toBe('1000');
    for (const bad of ['ten', '0x10', '1,5', 'Infinity', '1e999']) {
      expect(problems(`${ok}&attribute[DEPTH]=${bad}`), bad).toEqual(['DEPTH must be a number']);
    }
  });

  it('checks datetimes loosely as ISO 8601', () => {
    expect(submit(`${ok}&attribute[SEEN]=2026-01-31`).attributes['SEEN']).toBe('2026-01-31');
    expect(problems(`${ok}&attribute[SEEN]=yesterday`)).toEqual(['SEEN must be an ISO 8601 date or datetime, e.g. 2026-01-31 or 2026-01-31T09:30:00Z']);
  });

  it('keeps string attributes to one line; text may have several', () => {
    expect(problems(`${ok}&attribute[PLATE]=AB%0A12`)).toEqual(['PLATE must be a single line of text (no line breaks)']);
    expect(submit(`${ok}&attribute[NOTES]=a%0D%0Ab`).attributes['NOTES']).toBe('a\r\nb');
  });

  it('caps string and text answers at 4000 characters', () => {
    expect(problems(`${ok}&attribute[NOTES]=${'x'.repeat(4001)}`)).toEqual(['NOTES must be at most 4000 characters']);
  });

  it('keeps odd attribute codes as data', () => {
    const s = submit('lat=1&long=1&attribute[__proto__]=x', [attr({ code: '__proto__', datatype: 'string' })]);
    expect(Object.keys(s.attributes)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(s.attributes)).toBe(Object.prototype);
  });

  it('reports every problem at once', () => {
    expect(problems('lat=100&email=x&attribute[DEPTH]=deep&attribute[SEEN]=never')).toEqual([
      'lat and long must be sent together',
      'email must be an email address, e.g. name@example.org',
      'ROAD_SIDE required: Which side of the road?',
      'DEPTH must be a number',
      'SEEN must be an ISO 8601 date or datetime, e.g. 2026-01-31 or 2026-01-31T09:30:00Z',
    ]);
  });
});

describe('validateSubmission: any input', () => {
  const names = fc.constantFrom('lat', 'long', 'address_string', 'address_id', 'description', 'email', 'media_url', 'service_code',
    'attribute[A]', 'attribute[B]', 'attribute[C]', 'first_name', 'deviceid');
  const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '0', '-90', '180.0', 'x@y.z', 'http://a.b/', 'k1', 'k2', '2026-01-31', '1e5'));
  const fields = fc.array(fc.tuple(fc.oneof(names, fc.string()), fc.array(value, { minLength: 1, maxLength: 3 })), { maxLength: 8 }).map((pairs) => new Map(pairs));
  const attribute = fc.record({
    variable: fc.boolean(), code: fc.constantFrom('A', 'B', 'C', '', '__proto__'), datatype: fc.constantFrom(...DATATYPES),
    required: fc.boolean(), datatype_description: fc.constant(null), order: fc.nat(), description: fc.string(),
    values: fc.option(fc.array(fc.record({ key: fc.constantFrom('k1', 'k2', ''), name: fc.string() }), { maxLength: 3 }), { nil: undefined }),
  }).map(({ values, ...rest }): Attribute => (values === undefined ? rest : { ...rest, values }));

  it('either validates or throws a 400 listing problems', () => {
    fc.assert(
      fc.property(fields, fc.array(attribute, { maxLength: 4 }), (f, attributes) => {
        const result = expectValueOr400(() => validateSubmission(f, attributes));
        if ('service_code' in result) {
          expect(result.lat === null).toBe(result.long === null);
          expect(result.lat !== null || result.address_string !== null || result.address_id !== null).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('holds for raw form bodies too', () => {
    const unit = fc.oneof(fc.constantFrom('&', '=', '%', '+', 'lat', 'long', '1', '.', 'attribute[A]', 'address_string', '%5B', '%5D'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (body) => {
        expectValueOr400(() => submit(body, [attr({ code: 'A', datatype: 'number', required: true })]));
      }),
      { numRuns: 2000 },
    );
  });
});
