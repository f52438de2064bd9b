import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../src/read/dates.js';
import { readRequests } from '../src/read/index.js';

describe('normaliseDate', () => {
  it.each([
    // [sent, timezone, value, zoneless, reformatted]
    ['2012-05-22T23:57:23-07:00', 'UTC', '2012-05-22T23:57:23-07:00', false, false],
    ['2012-05-22T23:57:23+05:30', 'UTC', '2012-05-22T23:57:23+05:30', false, false],
    ['2018-06-01T10:00:00.000Z', 'UTC', '2018-06-01T10:00:00+00:00', false, true],
    ['2018-06-01T10:00:00Z', 'America/Chicago', '2018-06-01T10:00:00+00:00', false, true],
    ['2018-06-01 10:00:00+0200', 'UTC', '2018-06-01T10:00:00+02:00', false, true],
    ['2018-06-01T10:00-05', 'UTC', '2018-06-01T10:00:00-05:00', false, true],
    ['2018-06-01T10:00:00 UTC', 'Europe/Helsinki', '2018-06-01T10:00:00+00:00', false, true],
    ['2012-05-22 23:57:23.97', 'America/Los_Angeles', '2012-05-22T23:57:23-07:00', true, true],
    ['2012-12-22 23:57:23', 'America/Los_Angeles', '2012-12-22T23:57:23-08:00', true, true],
    ['2012-05-22T23:57:23', 'UTC', '2012-05-22T23:57:23+00:00', true, false],
    ['2012-05-22T23:57', 'Europe/Berlin', '2012-05-22T23:57:00+02:00', true, true],
    ['2012-05-22', 'Europe/Berlin', '2012-05-22T00:00:00+02:00', true, true],
  ] as const)('%s in %s → %s', (sent, zone, value, zoneless, reformatted) => {
    expect(normaliseDate(sent, zone)).toEqual({ value, zoneless, reformatted });
  });

  it('takes a wall time on either side of a DST change in its real offset', () => {
    expect(normaliseDate('2024-03-10 01:30:00', 'America/Los_Angeles')?.value).toBe('2024-03-10T01:30:00-08:00');
    expect(normaliseDate('2024-03-10 03:30:00', 'America/Los_Angeles')?.value).toBe('2024-03-10T03:30:00-07:00');
    expect(normaliseDate('2024-11-03 12:00:00', 'America/Los_Angeles')?.value).toBe('2024-11-03T12:00:00-08:00');
  });

  it.each(['', 'yesterday', '22/05/2012 10:00', '2012-02-30T10:00:00Z', '2012-05-22T24:00:00Z', '2012-05-22T10:00:00+25:00',
    '2012-5-22T10:00:00Z', '1337731043', '2012-05-22T10:00:00+1', '2012-05-22T10:00:00.Z'])('rejects %j', (sent) => {
    expect(normaliseDate(sent, 'Pacific/Kiritimati')).toBeUndefined();
  });
});

describe('datetime fields', () => {
  const read = (fields: Record<string, unknown>, timezone?: string) =>
    readRequests(JSON.stringify([{ service_request_id: '1', status: 'open', service_name: 'x', service_code: 'x', description: null,
      address: null, address_id: null, zipcode: null, lat: null, long: null, media_url: null,
      requested_datetime: '2020-01-01T00:00:00Z', updated_datetime: '2020-01-01T00:00:00+01:00', ...fields }]), 'json', timezone === undefined ? {} : { timezone });

  it('reports a rewrite and a missing timezone separately', () => {
    const { value, warnings } = read({ requested_datetime: '2020-01-01T00:00:00' }, 'Europe/Paris');
    expect(value[0]?.requested_datetime).toBe('2020-01-01T00:00:00+01:00');
    expect(warnings).toEqual([{
      code: 'date-without-timezone', path: 'service_requests.request[0].requested_datetime',
      message: 'requested_datetime had no timezone in one request ("2020-01-01T00:00:00"); interpreted in Europe/Paris',
    }]);
  });

  it('rewrites Z as +00:00 and says so', () => {
    const { value, warnings } = read({});
    expect(value[0]?.requested_datetime).toBe('2020-01-01T00:00:00+00:00');
    expect(warnings.map((w) => w.code)).toEqual(['date-reformatted']);
  });

  it('reads an unreadable date as null with invalid-date', () => {
    const { value, warnings } = read({ updated_datetime: 'soon', expected_datetime: 1337731043 });
    expect(value[0]).toMatchObject({ updated_datetime: null, expected_datetime: null });
    expect(warnings.filter((w) => w.code === 'invalid-date').map((w) => w.message)).toEqual([
      'updated_datetime could not be read as a datetime in one request ("soon"); read as null',
      'expected_datetime could not be read as a datetime in one request (1337731043); read as null',
    ]);
  });

  it('refuses a timezone Intl does not know', () => {
    expect(() => read({}, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
