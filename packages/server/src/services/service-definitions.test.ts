import { describe, expect, it } from 'vitest';
import type { Attribute } from '@o311/georeport';
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
    ]);
    expect(problems).toEqual([
      "attributes[1] (A): code 'A' is used twice.",
      'attributes[1] (A): order 1 is used twice.',
      'attributes[2] (C): order must be a positive integer.',
      'attributes[3] (D): order must be a positive integer.',
      'attributes[4] (E): a multivaluelist needs at least one value.',
      "attributes[5] (F): value key 'k' is used twice.",
      'attributes[6] (G): datatype must be one of string, number, datetime, text, singlevaluelist, multivaluelist.',
      'attributes[7] (H[x]): code may use letters, digits and _ . ~ : - only.',
      'attributes[8] (I): only singlevaluelist and multivaluelist attributes have values.',
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
      'sla_hours must be zero or more.',
      "translations: 'not a locale' is not a locale.",
      "translations.es: no attribute 'NOPE'.",
    ]);
  });
});
