/** Quirk profiles: the data itself, and what each setting changes on the wire and in reading. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Client } from '../src/client.js';
import { buildQuery, formatQueryDate } from '../src/query.js';
import { DEFAULT_MAX_RESULTS, getProfile, PROFILES, type QuirkProfile } from '../src/quirks.js';
import { sendJson, startFakeServer, type FakeServer } from './support/fake-server.js';

const isZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

describe('PROFILES', () => {
  it('are plain, frozen data named by their key, with real IANA zones', () => {
    expect(Object.isFrozen(PROFILES)).toBe(true);
    for (const [key, p] of Object.entries(PROFILES)) {
      expect(p.name).toBe(key);
      expect(Object.isFrozen(p)).toBe(true);
      if (p.timezone !== undefined) expect(isZone(p.timezone), p.timezone).toBe(true);
      if (p.maxResults !== undefined) expect(Number.isInteger(p.maxResults) && p.maxResults > 0).toBe(true);
      expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    }
  });

  it('record what is known of each city (digest §12–§14)', () => {
    expect(PROFILES.sanfrancisco).toMatchObject({ timezone: 'America/Los_Angeles', maxResults: 50 });
    expect(PROFILES.chicago).toMatchObject({ timezone: 'America/Chicago', omitQueryTimezone: true, maxResults: 50 });
    expect(PROFILES.boston).toMatchObject({ singleRequestPath: 'request' });
    expect(PROFILES.toronto).toMatchObject({ timezone: 'America/Toronto' });
    expect(PROFILES.helsinki).toMatchObject({
      timezone: 'Europe/Helsinki',
      area: { south: 59.5, west: 19, north: 70.1, east: 31.6 },
    });
    expect(PROFILES.bloomington).toMatchObject({ timezone: 'America/Indiana/Indianapolis' });
    expect(PROFILES.giessen).toMatchObject({ timezone: 'Europe/Berlin' });
    expect(PROFILES.markaspot).toMatchObject({ timezone: 'Europe/Berlin' });
    expect(PROFILES.fixmystreet).toBeDefined();
    expect(PROFILES.alexandria?.acceptEncoding).not.toContain('deflate');
    expect(DEFAULT_MAX_RESULTS).toBe(1000);
  });

  it('getProfile finds one by name (any case) and names the known ones otherwise', () => {
    expect(getProfile('Chicago')).toBe(PROFILES.chicago);
    expect(() => getProfile('atlantis')).toThrow(/Unknown quirk profile 'atlantis'; known: sanfrancisco, chicago/);
  });
});

describe('query dates', () => {
  const noon = new Date('2025-01-15T12:00:00.750Z');

  it('are W3C datetimes with an offset (UTC by default, the profile zone otherwise)', () => {
    expect(formatQueryDate(noon)).toBe('2025-01-15T12:00:00+00:00');
    expect(formatQueryDate(noon, { timezone: 'America/Toronto' })).toBe('2025-01-15T07:00:00-05:00');
    expect(formatQueryDate(new Date('2025-07-15T12:00:00Z'), { timezone: 'Europe/Helsinki' })).toBe(
      '2025-07-15T15:00:00+03:00',
    );
  });

  it('omit the offset for servers that reject one, keeping the local time', () => {
    expect(formatQueryDate(noon, { timezone: 'America/Chicago', omitTimezone: true })).toBe('2025-01-15T06:00:00');
  });

  it('strings are sent as given; invalid Dates refused', () => {
    expect(formatQueryDate('2025-01-15T00:00:00Z')).toBe('2025-01-15T00:00:00Z');
    expect(() => formatQueryDate(new Date(NaN))).toThrow(RangeError);
  });

  it('a + offset is percent-encoded in the query, colons and commas stay readable', () => {
    expect(buildQuery({ start_date: new Date('2025-01-15T12:00:00Z') }, { timezone: 'Europe/Berlin' })).toBe(
      'start_date=2025-01-15T13:00:00%2B01:00',
    );
  });
});

describe('profiles on the wire', () => {
  let s: FakeServer;
  beforeAll(async () => {
    s = await startFakeServer((req, res) => {
      if (req.url.pathname.endsWith('/naive.json')) {
        return sendJson(res, 200, [
          {
            service_request_id: '1',
            status: 'open',
            service_code: 'S',
            service_name: 'S',
            requested_datetime: '2012-05-22 23:57:23',
            lat: 24.94,
            long: 60.17,
          },
        ]);
      }
      sendJson(res, 200, []);
    });
  });
  afterAll(() => s.close());

  const client = (profile: QuirkProfile) => new Open311Client({ baseUrl: `${s.origin}/v2/`, allowPrivate: true, profile });
  const last = () => s.received.at(-1);

  it('chicago: query dates in Chicago time without offset', async () => {
    await client(getProfile('chicago')).requests({
      start_date: new Date('2025-01-15T12:00:00Z'),
      end_date: new Date('2025-01-16T12:00:00Z'),
    });
    expect(last()?.url.searchParams.get('start_date')).toBe('2025-01-15T06:00:00');
    expect(last()?.url.searchParams.get('end_date')).toBe('2025-01-16T06:00:00');
  });

  it('boston: one request at request/{id} (singular)', async () => {
    await client(getProfile('boston')).request('101');
    expect(last()?.url.pathname).toBe('/v2/request/101.json');
    await client({ name: 'plain' }).request('101');
    expect(last()?.url.pathname).toBe('/v2/requests/101.json');
  });

  it('alexandria: its own Accept-Encoding; custom headers on every call', async () => {
    await client(getProfile('alexandria')).services();
    expect(last()?.headers['accept-encoding']).toBe('gzip');
    await client({ name: 'custom', headers: { 'X-Api-Client': 'o311' } }).services();
    expect(last()?.headers['x-api-client']).toBe('o311');
  });

  it('timezone and area reach the readers: naive dates in the city’s zone, swapped coordinates fixed', async () => {
    const answer = await client(getProfile('helsinki')).request('naive');
    expect(answer.data?.requested_datetime).toBe('2012-05-22T23:57:23+03:00');
    expect(answer.data).toMatchObject({ lat: 60.17, long: 24.94 });
    const codes = answer.warnings.map((w) => w.code);
    expect(codes).toContain('date-without-timezone');
    expect(codes).toContain('coordinates-swapped');
  });
});
