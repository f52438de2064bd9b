import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWritableInstant, type Attribute } from '@o311/georeport';
import type { NewService } from '@o311/store';
import { newService } from '@o311/store';
import { attributeProblems, serviceProblems } from './service-definitions.js';

const attr = (over: Partial<Attribute>): Attribute => ({
  variable: true,
  code: 'A',
  datatype: 'string',
  required: false,
  datatype_description: null,
  order: 1,
  description: 'Q?',
  ...over,
});

const service = (over: Partial<NewService>): NewService =>
  newService({ jurisdiction_id: 'city', service_code: 'pothole', service_name: 'Pothole', ...over });

describe('attribute definitions', () => {
  it('accepts a well-formed set', () => {
    expect(
      attributeProblems([
        attr({ code: 'A', order: 1 }),
        attr({ code: 'B', order: 2, datatype: 'singlevaluelist', values: [{ key: 'x', name: 'X' }] }),
      ]),
    ).toEqual([]);
  });

  it('names every problem at once', () => {
    const problems = attributeProblems([
      attr({ code: 'A', order: 1 }),
      attr({ code: 'A', order: 1 }),
      attr({ code: 'C', order: 0 }),
      attr({ code: 'D', order: 2.5 }),
      attr({ code: 'E', order: 3, datatype: 'multivaluelist', values: [] }),
      attr({ code: 'F', order: 4, datatype: 'singlevaluelist', values: [{ key: 'k', name: '1' }, { key: 'k', name: '2' }] }),
      attr({ code: 'G', order: 5, datatype: 'bogus' as Attribute['datatype'] }),
      attr({ code: 'H[x]', order: 6 }),
      attr({ code: 'I', order: 7, values: [{ key: 'k', name: 'n' }] }),
      attr({ code: 'J', order: 1e15 }),
    ]);
    expect(problems).toEqual([
      "attributes[1] (A): code 'A' is used twice.",
      'attributes[1] (A): order 1 is used twice.',
      'attributes[2] (C): order must be a positive integer, at most 10000.',
      'attributes[3] (D): order must be a positive integer, at most 10000.',
      'attributes[4] (E): a multivaluelist needs at least one value.',
      "attributes[5] (F): value key 'k' is used twice.",
      'attributes[6] (G): datatype must be one of string, number, datetime, text, singlevaluelist, multivaluelist.',
      'attributes[7] (H[x]): code may use letters, digits and _ . ~ : - only.',
      'attributes[8] (I): only singlevaluelist and multivaluelist attributes have values.',
      'attributes[9] (J): order must be a positive integer, at most 10000.',
    ]);
  });
});

describe('service definitions', () => {
  it('checks codes, names, SLA and translations', () => {
    expect(serviceProblems(service({}))).toEqual([]);
    expect(serviceProblems(service({ service_code: 'trash.bulk-item' }))).toEqual([]);
    expect(
      serviceProblems(
        service({
          service_code: 'a/b',
          service_name: ' ',
          sla_hours: -1,
          translations: { 'not a locale': { service_name: 'x' }, es: { service_name: 'y', attributes: { NOPE: {} } } },
        }),
      ),
    ).toEqual([
      'service_code may use letters, digits and _ . ~ : - only.',
      'service_name is required.',
      'sla_hours must be from 0 to 87600 hours (ten years).',
      "translations: 'not a locale' is not a locale.",
      "translations.es: no attribute 'NOPE'.",
    ]);
  });
});

describe('numeric settings', () => {
  it('bound sla_hours to ten years, so no new request gets an expected date no response can write', () => {
    expect(serviceProblems(service({ sla_hours: 87_600 }))).toEqual([]);
    expect(serviceProblems(service({ sla_hours: 0 }))).toEqual([]);
    for (const sla_hours of [87_600.5, 100_000_000, Infinity, NaN]) {
      expect(serviceProblems(service({ sla_hours })), String(sla_hours)).toEqual(['sla_hours must be from 0 to 87600 hours (ten years).']);
    }
  });

  it('any accepted SLA, added to any date of this millennium, gives a date a response can write (property)', () => {
    const hour = 3_600_000;
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2999, 11, 31) }), (sla_hours, now) => {
        const accepted = serviceProblems(service({ sla_hours })).length === 0;
        expect(accepted).toBe(sla_hours >= 0 && sla_hours <= 87_600);
        if (accepted) expect(isWritableInstant(now + Math.round(sla_hours * hour))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
