import { describe, expect, it } from 'vitest';
import type { ReadOptions } from '../src/model.js';
import { readRequests } from '../src/read/index.js';

const FINLAND = { south: 59.5, west: 19, north: 70.1, east: 31.6 };

function point(lat: unknown, long: unknown, options: ReadOptions = {}) {
  const body = JSON.stringify([{ service_request_id: '1', status: 'open', service_name: 'x', service_code: 'x', description: null,
    requested_datetime: '2020-01-01T00:00:00+00:00', updated_datetime: '2020-01-01T00:00:00+00:00', address: null, address_id: null,
    zipcode: null, lat, long, media_url: null }]);
  const { value, warnings } = readRequests(body, 'json', options);
  return { lat: value[0]?.lat, long: value[0]?.long, codes: warnings.map((w) => w.code), messages: warnings.map((w) => w.message) };
}

describe('coordinates', () => {
  it('keeps a normal point and null coordinates quietly', () => {
    expect(point(41.8, -87.6)).toEqual({ lat: 41.8, long: -87.6, codes: [], messages: [] });
    expect(point(null, null)).toMatchObject({ lat: null, long: null, codes: [] });
  });

  it('reads 0/0, and 0 beside null, as unknown', () => {
    expect(point(0, 0)).toMatchObject({ lat: null, long: null, codes: ['zero-coordinates'] });
    expect(point(0, null)).toMatchObject({ lat: null, long: null, codes: ['zero-coordinates'] });
    expect(point('0.0', '0')).toMatchObject({ lat: null, long: null, codes: ['number-as-string', 'number-as-string', 'zero-coordinates'] });
  });

  it('keeps a point on the equator or the prime meridian', () => {
    expect(point(0, 32.5)).toMatchObject({ lat: 0, long: 32.5, codes: [] });
    expect(point(51.48, 0)).toMatchObject({ lat: 51.48, long: 0, codes: [] });
  });

  it('swaps back a latitude beyond 90° when the longitude could be one', () => {
    expect(point(-87.6, 41.8)).toMatchObject({ lat: -87.6, long: 41.8, codes: [] });
    const swapped = point(-122.4, 37.7);
    expect(swapped).toMatchObject({ lat: 37.7, long: -122.4, codes: ['coordinates-swapped'] });
    expect(swapped.messages[0]).toBe('lat and long were exchanged in one request (lat -122.4, long 37.7); swapped back (a latitude cannot exceed 90°)');
  });

  it('swaps back a point only its swap puts in the area', () => {
    expect(point(22.266944, 60.451667, { area: FINLAND })).toMatchObject({ lat: 60.451667, long: 22.266944, codes: ['coordinates-swapped'] });
    expect(point(60.17, 24.94, { area: FINLAND })).toMatchObject({ lat: 60.17, long: 24.94, codes: [] });
    // Outside the area either way: kept, the reader cannot tell.
    expect(point(48.85, 2.35, { area: FINLAND })).toMatchObject({ lat: 48.85, long: 2.35, codes: [] });
  });

  it('reads a point that cannot be on Earth as null', () => {
    expect(point(95, 200)).toMatchObject({ lat: null, long: null, codes: ['invalid-value'] });
  });

  it('reads unreadable coordinates as null', () => {
    expect(point('41,8', '-87.6')).toMatchObject({ lat: null, long: -87.6, codes: ['invalid-value', 'number-as-string'] });
    expect(point('', 'Infinity')).toMatchObject({ lat: null, long: null, codes: ['empty-value', 'invalid-value'] });
  });

  it('reads XML coordinates as numbers quietly, long before lat', () => {
    const xml = '<service_requests><request><service_request_id>1</service_request_id><long>-79.27</long><lat>43.69</lat></request></service_requests>';
    const { value, warnings } = readRequests(xml, 'xml');
    expect(value[0]).toMatchObject({ lat: 43.69, long: -79.27 });
    expect(warnings.some((w) => w.path.endsWith('lat') || w.path.endsWith('long'))).toBe(false);
  });
});
