import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOpen311Failure } from '@o311/georeport';
import { errorFormatForUrl, isGeoreportUrl, parseFormat, splitResource } from './format.js';

const failureOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isOpen311Failure(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
};

describe('format extension', () => {
  it('splits at the last dot so codes may contain dots', () => {
    expect(splitResource('pothole.json')).toEqual({ name: 'pothole', format: 'json' });
    expect(splitResource('trash.bulk.item.xml')).toEqual({ name: 'trash.bulk.item', format: 'xml' });
    expect(splitResource('42.XML')).toEqual({ name: '42', format: 'xml' });
  });

  it('gives an Open311 404 for a missing or unknown extension', () => {
    expect(failureOf(() => splitResource('pothole')).status).toBe(404);
    expect(failureOf(() => splitResource('pothole.html')).status).toBe(404);
    expect(failureOf(() => splitResource('pothole.json.bak')).errors[0]?.description).toContain('bak');
    expect(failureOf(() => parseFormat('')).status).toBe(404);
  });

  it('round-trips any name (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('xml' as const, 'json' as const), (name, format) => {
        expect(splitResource(`${name}.${format}`)).toEqual({ name, format });
      }),
    );
  });

  it('picks the error format from the path, XML by default', () => {
    expect(errorFormatForUrl('/open311/v2/requests.json?x=1.xml')).toBe('json');
    expect(errorFormatForUrl('/open311/v2/services/a.b.json')).toBe('json');
    expect(errorFormatForUrl('/open311/v2/services.html')).toBe('xml');
    expect(errorFormatForUrl('/open311/v2/media/7')).toBe('xml');
  });

  it('knows which URLs are GeoReport ones', () => {
    expect(isGeoreportUrl('/open311/v2/services.xml')).toBe(true);
    expect(isGeoreportUrl('/open311')).toBe(true);
    expect(isGeoreportUrl('/open3110')).toBe(false);
    expect(isGeoreportUrl('/federated/open311/v2/requests.json?lat=1')).toBe(true);
    expect(isGeoreportUrl('/federated/open3110')).toBe(false);
    expect(isGeoreportUrl('/api/v1/requests')).toBe(false);
  });
});
