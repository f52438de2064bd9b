/** Import rows: the fast datetime path and the checks of every field. */
import fc from 'fast-check';
import { parseW3CDateTime } from '@o311/georeport';
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../src/import/dates.js';
import { columnsOf, FIELDS, IDENTITY_COLUMNS, RowMapper } from '../src/import/rows.js';

describe('parseDateTime', () => {
  it('reads the common shapes', () => {
    expect(parseDateTime('2025-03-01T09:30:00-06:00')).toBe(Date.UTC(2025, 2, 1, 15, 30));
    expect(parseDateTime('2025-03-01T15:30:00Z')).toBe(Date.UTC(2025, 2, 1, 15, 30));
    expect(parseDateTime('2025-03-01T15:30:00.250+01:00')).toBe(Date.UTC(2025, 2, 1, 14, 30, 0, 250));
    expect(parseDateTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDateTime('2025-03-01T15:30Z')).toBe(Date.UTC(2025, 2, 1, 15, 30));
  });

  it('refuses dates without a timezone or out of range', () => {
    for (const bad of ['2025-03-01T15:30:00', '2025-03-01', '2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-03-01T24:00:00Z',
      '2025-03-01 15:30:00Z', '2025-03-01T15:30:00+25:00', 'yesterday', '', '9999-12-31T23:59:59-23:59', '9999-12-31T20:00:00.5-06:00']) {
      expect(parseDateTime(bad), bad).toBeUndefined();
    }
  });

  it('agrees with @o311/georeport on every datetime-like string', () => {
    const d2 = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(
      fc.oneof(fc.integer({ min: 1000, max: 9999 }), fc.constant(9999)), d2(13), d2(32), fc.constantFrom('T', 't', ' '), d2(25), d2(60), d2(61),
      fc.constantFrom('', '.5', '.123', '.123456', '.'),
      // -23:59 takes the last day of 9999 into year 10000, which neither parser may accept (issue 8).
      fc.constantFrom('Z', 'z', '+05:30', '-06:00', '+24:00', '', '+0530', '-00:60', '-23:59'),
    ).map(([y, mo, d, t, h, mi, s, f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`);
    fc.assert(fc.property(text, (s) => { expect(parseDateTime(s)).toBe(parseW3CDateTime(s)); }), { numRuns: 3000 });
  });
});

describe('RowMapper', () => {
  const mapper = new RowMapper('riverton.example', 'line');
  const row = (fields: Partial<Record<(typeof FIELDS)[number], string>>) => FIELDS.map((f) => fields[f] ?? '');
  const good = { service_code: 'POTHOLE', requested_datetime: '2025-03-01T09:30:00-06:00' };

  it('maps a full row', () => {
    const r = mapper.map(row({
      ...good, service_request_id: '77', service_name: 'Pothole', status: 'In Progress', status_notes: ' crew sent ',
      description: 'Deep hole\nnear the curb', updated_datetime: '2025-03-02T10:00:00Z', expected_datetime: '2025-03-04T09:30:00-06:00',
      address: '1423 Oak St', address_id: 'A1', zipcode: '50309', lat: '41.5868', long: '-93.625',
      media_url: 'https://example.org/p.jpg', agency_responsible: 'Public Works',
    }), IDENTITY_COLUMNS, 5);
    expect(r).toEqual({
      jurisdiction_id: 'riverton.example', service_code: 'POTHOLE', service_name: 'Pothole', status: 'in_progress',
      status_notes: 'crew sent', description: 'Deep hole\nnear the curb', requested_at: Date.UTC(2025, 2, 1, 15, 30),
      updated_at: Date.UTC(2025, 2, 2, 10), expected_at: Date.UTC(2025, 2, 4, 15, 30), address: '1423 Oak St', address_id: 'A1',
      zipcode: '50309', lat: 41.5868, long: -93.625, media_url: 'https://example.org/p.jpg', agency_responsible: 'Public Works',
      attributes: {}, reporter: { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null },
    });
  });

  it('fills defaults: open, updated = requested, empty fields null, 0/0 = no location', () => {
    const r = mapper.map(row({ ...good, lat: '0', long: '0' }), IDENTITY_COLUMNS, 2);
    expect(r).toMatchObject({ status: 'open', updated_at: r.requested_at, lat: null, long: null, address: null, description: null });
    expect(r.service_name).toBeUndefined();
  });

  it.each([
    [{ service_code: '' }, "line 9 (service_request_id 12): service_code is missing"],
    [{ requested_datetime: '' }, 'requested_datetime is missing'],
    [{ requested_datetime: '2025-03-01 09:30' }, "requested_datetime '2025-03-01 09:30' is not a W3C datetime with a timezone"],
    [{ updated_datetime: '2025-02-01T00:00:00Z' }, 'updated_datetime is before requested_datetime'],
    [{ status: 'done-ish' }, "status 'done-ish' is not open, closed or an extended status"],
    [{ lat: '41.5' }, 'lat is given without long'],
    [{ lat: '91', long: '0' }, 'lat 91 is outside -90..90'],
    [{ lat: 'north', long: '1' }, "lat 'north' is not a number"],
    [{ media_url: 'file:///etc/passwd' }, "media_url 'file:///etc/passwd' is not an http(s) URL"],
    [{ description: 'x'.repeat(4001) }, 'description has 4001 characters; at most 4000 are allowed'],
    [{ description: 'a\0b' }, 'description holds the NUL character (U+0000), which no answer may carry'],
    [{ address: '\0' }, 'address holds the NUL character (U+0000)'],
  ])('refuses %o', (fields, message) => {
    expect(() => mapper.map(row({ ...good, service_request_id: '12', ...fields }), IDENTITY_COLUMNS, 9)).toThrow(message);
  });

  it('finds columns by name, in any order and case, with aliases, and lists the rest', () => {
    const { columns, ignored, duplicated } = columnsOf(['Description', ' SERVICE_CODE ', 'ward', 'lon', 'latitude', 'requested_datetime', 'lat']);
    expect(columns[FIELDS.indexOf('description')]).toBe(0);
    expect(columns[FIELDS.indexOf('service_code')]).toBe(1);
    expect(columns[FIELDS.indexOf('long')]).toBe(3);
    expect(columns[FIELDS.indexOf('lat')]).toBe(4);
    expect(columns[FIELDS.indexOf('status')]).toBe(-1);
    expect(ignored).toEqual(['ward']);
    expect(duplicated).toEqual(['lat']);
  });
});
