import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { descriptionsOf400, expectValueOr400 } from '../../test/open311-failure.js';
import type { RequestsQuery } from './requests-query.js';
import { parseRequestsQuery } from './requests-query.js';
import { FIRST_WRITABLE_INSTANT, LAST_WRITABLE_INSTANT, isWritableInstant } from '../time/writable-range.js';

const DAY = 86_400_000;
/** The last millisecond of the second that starts at `ms`. */
const endOfSecond = (ms: number) => ms + 999;
const now = Date.UTC(2026, 0, 31, 12, 0, 0);
const options = { now, maxResults: 1000, maxPageSize: 500, defaultPageSize: 50 };
const parse = (q: Record<string, string | string[] | undefined>) => parseRequestsQuery(q, options);
const problems = (q: Record<string, string | string[] | undefined>) => descriptionsOf400(() => parse(q));

const defaults: RequestsQuery = { start: now - 90 * DAY, end: now, page: 1, page_size: 1000, paged: false, extensions: false };

describe('parseRequestsQuery: spec filters', () => {
  it('defaults to the last 90 days, unpaged, no extensions', () => {
    expect(parse({})).toEqual(defaults);
  });

  it('treats empty and blank values as absent', () => {
    expect(parse({ status: '', service_code: ' ', start_date: '', end_date: [''], service_request_id: ',,', page: '', extensions: '' })).toEqual(defaults);
  });

  it('ignores unknown parameters', () => {
    expect(parse({ jurisdiction_id: 'city.gov', api_key: 'k', q: 'x', format: 'xml' })).toEqual(defaults);
  });

  it('reads service_code and status comma lists (trimmed, case-insensitive, deduplicated)', () => {
    expect(parse({ service_code: '001, 002,,001', status: 'Open,CLOSED , open' })).toEqual({
      ...defaults, service_codes: ['001', '002'], statuses: ['open', 'closed'],
    });
  });

  it('joins repeated list parameters', () => {
    expect(parse({ status: ['open', 'closed'], service_code: ['1', '2,3'] })).toMatchObject({ statuses: ['open', 'closed'], service_codes: ['1', '2', '3'] });
  });

  it('rejects statuses other than open and closed, naming each', () => {
    expect(problems({ status: 'open,pending,fixed' })).toEqual([
      "status 'pending' is not valid; use open, closed or open,closed",
      "status 'fixed' is not valid; use open, closed or open,closed",
    ]);
  });

  it('reads start_date and end_date with offsets', () => {
    expect(parse({ start_date: '2026-01-01T00:00:00-06:00', end_date: '2026-01-10T00:00:00Z' })).toMatchObject({
      start: Date.UTC(2026, 0, 1, 6), end: endOfSecond(Date.UTC(2026, 0, 10)),
    });
  });

  it("restores a '+' offset that query decoding turned into a space", () => {
    expect(parse({ start_date: '2026-01-01T00:00:00 01:00', end_date: '2026-01-02T00:00:00 0100' })).toMatchObject({
      start: Date.UTC(2025, 11, 31, 23), end: endOfSecond(Date.UTC(2026, 0, 1, 23)),
    });
  });

  it('fills a one-sided range with 90 days from the bound given', () => {
    const start = Date.UTC(2025, 5, 1);
    expect(parse({ start_date: '2025-06-01T00:00:00Z' })).toMatchObject({ start, end: endOfSecond(start + 90 * DAY) });
    expect(parse({ end_date: '2025-06-01T00:00:00Z' })).toMatchObject({ start: start - 90 * DAY, end: endOfSecond(start) });
  });

  it('fills a one-sided range in within the years 0001-9999 a datetime can be written in', () => {
    expect(parse({ end_date: '0001-01-01T00:00:00Z' })).toMatchObject({ start: FIRST_WRITABLE_INSTANT, end: endOfSecond(FIRST_WRITABLE_INSTANT) });
    expect(parse({ start_date: '9999-12-31T00:00:00Z' })).toMatchObject({ end: LAST_WRITABLE_INSTANT });
  });

  it('compares dates in whole seconds, the precision requested_datetime is published in', () => {
    // A request stored at 12:00:00.700 reads 12:00:00: both bounds naming that second must select it.
    const noon = Date.UTC(2026, 0, 20, 12);
    expect(parse({ start_date: '2026-01-20T12:00:00Z', end_date: '2026-01-20T12:00:00Z' })).toMatchObject({ start: noon, end: noon + 999 });
    expect(parse({ start_date: '2026-01-20T12:00:00.200Z', end_date: '2026-01-20T12:00:00.400Z' })).toMatchObject({ start: noon, end: noon + 999 });
    expect(parse({ updated_after: '2026-01-20T12:00:00.5Z', updated_before: '2026-01-20T12:00:00.5Z' })).toMatchObject({
      updated_after: noon, updated_before: noon + 999,
    });
  });

  it('rejects dates without a timezone or impossible dates', () => {
    expect(problems({ start_date: '2026-01-01T00:00:00', end_date: '2026-02-30T00:00:00Z' })).toEqual([
      'start_date must be a W3C datetime with a timezone in the years 0001-9999, e.g. 2026-01-31T00:00:00Z',
      'end_date must be a W3C datetime with a timezone in the years 0001-9999, e.g. 2026-01-31T00:00:00Z',
    ]);
  });

  it('rejects an end before the start', () => {
    expect(problems({ start_date: '2026-01-10T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual(['end_date must not be before start_date']);
  });

  it('answers the most recent 90 days of a longer range instead of refusing it', () => {
    // The Python client's requests(start=…) sends the end as today.
    const end = Date.UTC(2025, 5, 1);
    expect(parse({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-06-01T00:00:00Z' })).toMatchObject({
      start: end - 90 * DAY, end: endOfSecond(end),
    });
    expect(parse({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-01T00:00:00Z' })).toMatchObject({
      start: Date.UTC(2025, 0, 1), end: endOfSecond(Date.UTC(2025, 3, 1)),
    });
    expect(parse({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-01T00:00:01Z' }).start).toBe(Date.UTC(2025, 0, 1, 0, 0, 1));
  });
});

describe('parseRequestsQuery: service_request_id', () => {
  it('reads the id list and ignores (without checking) every other filter', () => {
    expect(parse({ service_request_id: ' 638344, 638349 ,,638344', status: 'bogus', start_date: 'never', lat: '999', bbox: 'x' })).toEqual({
      ...defaults, ids: ['638344', '638349'],
    });
  });

  it('still applies paging and extensions', () => {
    expect(parse({ service_request_id: '1', page_size: '10', extensions: 'true' })).toMatchObject({ ids: ['1'], page: 1, page_size: 10, paged: true, extensions: true });
    expect(problems({ service_request_id: '1', page: '0' })).toEqual(['page must be a whole number from 1 up']);
  });

  it('caps the list at 1000 ids', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => String(i)).join(',');
    expect(problems({ service_request_id: ids })).toEqual(['service_request_id lists 1001 ids; at most 1000 may be asked for at once']);
    expect(parse({ service_request_id: ids.slice(0, ids.lastIndexOf(',')) }).ids).toHaveLength(1000);
  });
});

describe('parseRequestsQuery: extensions', () => {
  it('pages when page or page_size (or per_page) is sent', () => {
    expect(parse({ page: '3' })).toMatchObject({ page: 3, page_size: 50, paged: true });
    expect(parse({ page_size: '20' })).toMatchObject({ page: 1, page_size: 20, paged: true });
    expect(parse({ per_page: '500' })).toMatchObject({ page: 1, page_size: 500, paged: true });
    expect(parse({ page_size: '20', per_page: '30' })).toMatchObject({ page_size: 20 });
  });

  it('rejects bad page numbers and sizes', () => {
    expect(problems({ page: '0', page_size: '501' })).toEqual(['page must be a whole number from 1 up', 'page_size must be a whole number from 1 to 500']);
    expect(problems({ page: '1.5', per_page: '-1' })).toEqual(['page must be a whole number from 1 up', 'per_page must be a whole number from 1 to 500']);
    expect(problems({ page: '99999999999999999999' })).toEqual(['page must be a whole number from 1 up']);
  });

  it('reads lat, long and radius', () => {
    expect(parse({ lat: '60.17', long: '24.94', radius: '250.5' }).near).toEqual({ lat: 60.17, long: 24.94, radius_m: 250.5 });
  });

  it('ignores lat, long and radius unless all three are sent (OneBusAway sends lat and long alone)', () => {
    for (const q of [{ lat: '41.58', long: '-93.62' }, { lat: '60' }, { long: '24', radius: '10' }, { radius: '10' }, { lat: 'north', long: '0x10' }]) {
      expect(parse(q)).toEqual(defaults);
    }
  });

  it('checks the geo filter parameters when all three are sent', () => {
    expect(problems({ lat: '91', long: '-181', radius: '0' })).toEqual([
      'lat must be a number of decimal degrees from -90 to 90',
      'long must be a number of decimal degrees from -180 to 180',
      'radius must be a number of metres greater than 0 and at most 50000',
    ]);
    expect(problems({ lat: '1', long: '1', radius: '50001' })).toHaveLength(1);
    expect(problems({ lat: 'north', long: '0x10', radius: '1e3' })).toHaveLength(3);
  });

  it('reads bbox as min_long,min_lat,max_long,max_lat', () => {
    expect(parse({ bbox: '24.929,60.171, 24.946 ,60.176' }).bbox).toEqual({ min_long: 24.929, min_lat: 60.171, max_long: 24.946, max_lat: 60.176 });
  });

  it('checks bbox shape, ranges and order', () => {
    expect(problems({ bbox: '1,2,3' })[0]).toMatch(/^bbox must be min_long,min_lat,max_long,max_lat/);
    expect(problems({ bbox: '1,2,3,x' })[0]).toMatch(/^bbox must be/);
    expect(problems({ bbox: '-200,0,0,0' })).toEqual(['bbox longitudes must be from -180 to 180 and latitudes from -90 to 90']);
    expect(problems({ bbox: '10,0,5,1' })).toEqual(['bbox minimums must not exceed its maximums (min_long,min_lat,max_long,max_lat)']);
  });

  it('reads updated_after and updated_before', () => {
    expect(parse({ updated_after: '2026-01-30T00:00:00Z' })).toMatchObject({ updated_after: Date.UTC(2026, 0, 30) });
    expect(parse({ updated_after: '2026-01-30T00:00:00Z' })).not.toHaveProperty('updated_before');
    expect(problems({ updated_after: '2026-01-30T00:00:00Z', updated_before: '2026-01-29T00:00:00Z' })).toEqual([
      'updated_before must not be before updated_after',
    ]);
    expect(problems({ updated_before: 'yesterday' })).toEqual(['updated_before must be a W3C datetime with a timezone in the years 0001-9999, e.g. 2026-01-31T00:00:00Z']);
  });

  it('reads extensions=true|false|1|0|all', () => {
    for (const v of ['true', 'TRUE', '1', 'all']) expect(parse({ extensions: v }).extensions).toBe(true);
    for (const v of ['false', '0']) expect(parse({ extensions: v }).extensions).toBe(false);
    expect(problems({ extensions: 'yes' })).toEqual(['extensions must be true or false']);
  });

  it('reports every problem at once', () => {
    expect(problems({ status: 'x', start_date: 'y', lat: '1', long: '1', radius: '-1', bbox: 'z', page: 'p', extensions: 'q' })).toHaveLength(6);
  });
});

describe('parseRequestsQuery: any input', () => {
  const names = fc.constantFrom(
    'service_request_id', 'service_code', 'status', 'start_date', 'end_date', 'updated_after', 'updated_before', 'page',
    'page_size', 'per_page', 'lat', 'long', 'radius', 'bbox', 'extensions', 'jurisdiction_id', '__proto__', 'constructor',
  );
  const value = fc.oneof(
    fc.string(),
    fc.constantFrom('open', 'closed', 'OPEN,closed', '2026-01-01T00:00:00Z', '2025-01-01T00:00:00+05:30', '1', '0', '-1', '500', '501',
      '60.1', '24.9,60.1,25,60.2', 'true', 'all', ',', ' ', '1e400', 'NaN', 'Infinity', '9'.repeat(400),
      '9999-12-31T23:59:59-23:59', '0000-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'open\u0000'),
    fc.double().map(String),
  );
  const query = fc.dictionary(fc.oneof(names, fc.string()), fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.constant(undefined)));

  it('either parses into a consistent query or throws a 400 listing problems', () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: Date.UTC(2200, 0, 1) }), (q, at) => {
        const result = expectValueOr400(() => parseRequestsQuery(q, { ...options, now: at }));
        if ('start' in result) {
          expect(result.end).toBeGreaterThanOrEqual(result.start);
          expect(isWritableInstant(result.start) && isWritableInstant(result.end), `${result.start}..${result.end}`).toBe(true);
          expect(result.end - result.start).toBeLessThanOrEqual(90 * DAY + 999);
          expect(result.page).toBeGreaterThanOrEqual(1);
          expect(result.page_size).toBeGreaterThanOrEqual(1);
          expect(result.page_size).toBeLessThanOrEqual(result.paged ? options.maxPageSize : options.maxResults);
          if (result.ids) expect(result.ids.length).toBeLessThanOrEqual(1000);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
