import { describe, expect, it } from 'vitest';
import { readServices } from '../src/read/index.js';

const read = (service: Record<string, unknown>) =>
  readServices(JSON.stringify([{ service_code: 'a', service_name: 'A', description: null, metadata: false, type: 'realtime', keywords: null, group: null, ...service }]), 'json');

describe('readServices', () => {
  it('reads numeric codes as strings', () => {
    const { value, warnings } = read({ service_code: 101 });
    expect(value[0]?.service_code).toBe('101');
    expect(warnings).toEqual([{
      code: 'string-as-number', path: 'services.service[0].service_code',
      message: 'service_code was a number in one service (101); read as a string',
    }]);
  });

  it.each([
    ['true', true, 'boolean-as-string'],
    ['FALSE', false, 'boolean-as-string'],
    [1, false, 'invalid-value'],
    [null, false, 'empty-value'],
  ] as const)('reads metadata %j as %s with %s', (metadata, expected, code) => {
    const { value, warnings } = read({ metadata });
    expect(value[0]?.metadata).toBe(expected);
    expect(warnings.map((w) => w.code)).toEqual([code]);
  });

  it('reads XML booleans quietly, and reports their case', () => {
    const xml = (metadata: string) =>
      readServices(`<services><service><service_code>a</service_code><service_name>A</service_name><description/><metadata>${metadata}</metadata><type>batch</type><keywords/><group/></service></services>`, 'xml');
    expect(xml('true')).toMatchObject({ value: [{ metadata: true, type: 'batch' }], warnings: [] });
    expect(xml('True').warnings).toEqual([{
      code: 'case-normalised', path: 'services.service[0].metadata', message: 'metadata was not lower case in one service ("True"); read as false'.replace('false', 'true'),
    }]);
  });

  it('lower-cases the type, and reads an unknown one as realtime', () => {
    expect(read({ type: 'BATCH' })).toMatchObject({ value: [{ type: 'batch' }], warnings: [{ code: 'case-normalised' }] });
    const unknown = read({ type: 'instant' });
    expect(unknown.value[0]?.type).toBe('realtime');
    expect(unknown.warnings).toEqual([{
      code: 'unknown-value', path: 'services.service[0].type',
      message: 'type was not one of the standard values in one service ("instant"); read as "realtime" (expected realtime, batch, blackbox)',
    }]);
  });

  it('reads empty description, keywords and group as null, and reports "" and missing ones', () => {
    const { value, warnings } = read({ description: '', keywords: '  ', group: undefined });
    expect(value[0]).toMatchObject({ description: null, keywords: null, group: null });
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'empty-value services.service[0].description', 'empty-value services.service[0].keywords', 'missing-field services.service[0].group',
    ]);
  });

  it('reads a missing or empty code and name as "" and reports them', () => {
    const { value, warnings } = read({ service_code: undefined, service_name: '' });
    expect(value[0]).toMatchObject({ service_code: '', service_name: '' });
    expect(warnings.map((w) => w.message)).toEqual([
      'service_code was missing in one service; read as ""',
      'service_name was empty in one service (""); read as ""',
    ]);
  });

  it('trims padded values and reports them', () => {
    const { value, warnings } = read({ service_name: ' A ', group: 'Streets\n' });
    expect(value[0]).toMatchObject({ service_name: 'A', group: 'Streets' });
    expect(warnings.map((w) => w.code)).toEqual(['padded-value', 'padded-value']);
  });

  it('reads a value that is an object or a list as the fallback', () => {
    const { value, warnings } = read({ group: ['a', 'b'], service_name: { en: 'A' } });
    expect(value[0]).toMatchObject({ group: null, service_name: '' });
    expect(warnings.map((w) => w.message)).toEqual([
      'service_name could not be read in one service ({"en":"A"}); read as ""',
      'group could not be read in one service (["a","b"]); read as null',
    ]);
  });
});
