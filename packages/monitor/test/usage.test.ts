/** sampleUsage against fake endpoints: the figures equal counts computed here, capped answers are marked, failures are values. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '@o311/client';
import { encodeRequests, encodeServices, type PublicRequest } from '@o311/georeport';
import { FAKE_SERVICES, fakeRequest, startFakeFleet, type FakeFleet } from '../../../test-support/fake-endpoints.js';
import { sampleUsage, type PollOptions, type PollTarget } from '../src/index.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const options: PollOptions = { allowPrivate: true, timeoutMs: 3000, now: () => NOW };

let fleet: FakeFleet;
beforeAll(async () => {
  fleet = await startFakeFleet();
});
afterAll(() => fleet.close());

const target = (n: number): PollTarget => ({ slug: `e${n}`, url: fleet.baseUrl(n), jurisdictionId: null, formats: ['json'], quirks: null });

/** `count` requests over 45 days, hours apart, with fields present in patterns of their own. */
function requests(count = 60): PublicRequest[] {
  const apart = Math.floor((45 * DAY) / count);
  return Array.from({ length: count }, (_, i) =>
    fakeRequest(`r${i}`, NOW - i * apart - 1000, {
      lat: i % 2 === 0 ? 41.5 : null, long: i % 2 === 0 ? -93.6 : null,
      address: i % 3 === 0 ? `${i} Main St` : null,
      media_url: i % 5 === 0 ? `https://img.example/${i}.jpg` : null,
      status_notes: i % 4 === 0 ? 'Crew sent' : null,
      status: i % 7 === 0 ? 'closed' : 'open',
    }));
}

describe('sampleUsage', () => {
  it('counts and shares equal the requests of the last 30 days', async () => {
    const all = requests();
    fleet.set(1, { requests: all });
    const u = await sampleUsage(target(1), options);
    const at = (r: PublicRequest): number => Date.parse(r.requested_datetime);
    const month = all.filter((r) => at(r) >= NOW - 30 * DAY);
    const share = (f: (r: PublicRequest) => boolean): number => month.filter(f).length / month.length;
    expect(month.length).toBeGreaterThan(30);
    expect(month.length).toBeLessThan(60);
    expect(u).toEqual({
      slug: 'e1', at: NOW, services: 2, sampled: month.length,
      with_location: share((r) => r.lat !== null),
      with_address: share((r) => r.address !== null),
      with_updated: 1,
      with_media: share((r) => r.media_url !== null),
      with_status_notes: share((r) => r.status_notes !== null),
      requests_7d: all.filter((r) => at(r) >= NOW - 7 * DAY).length,
      requests_30d: month.length,
      capped: false,
      open: month.filter((r) => r.status === 'open').length,
      closed: month.filter((r) => r.status === 'closed').length,
      newest_at: NOW - 1000,
    });
  });

  it('marks an answer at a server\'s cap (50, as many real ones) as capped, and asks the last 7 days again', async () => {
    const all = requests(200);
    fleet.set(2, { requests: all, cap: 50 });
    const week = all.filter((r) => Date.parse(r.requested_datetime) >= NOW - 7 * DAY).length;
    expect(week).toBeGreaterThan(20);
    expect(week).toBeLessThan(50);
    const before = fleet.hits(2);
    const u = await sampleUsage(target(2), options);
    expect(u).toMatchObject({ capped: true, requests_30d: 50, sampled: 50, requests_7d: week });
    // services, requests since 30 days ago, requests since 7 days ago.
    expect(fleet.hits(2) - before).toBe(3);
  });

  it('takes the cap of the quirk profile (Chicago: 50); fewer than a cap is complete', async () => {
    fleet.set(6, { requests: requests(200), cap: 49 });
    expect(await sampleUsage(target(6), options)).toMatchObject({ capped: false, requests_30d: 49 });
    expect(await sampleUsage({ ...target(6), quirks: 'markaspot' }, options)).toMatchObject({ capped: false });
    fleet.set(7, { requests: requests(200), cap: 50 });
    expect(await sampleUsage({ ...target(7), quirks: 'chicago' }, options)).toMatchObject({ capped: true });
  });

  it('leaves out older requests listed by a server that ignores start_date', async () => {
    const old = fakeRequest('old', NOW - 40 * DAY);
    const recent = fakeRequest('recent', NOW - 2 * DAY);
    const transport: Transport = async (request) => {
      const body = request.url.includes('/requests.') ? encodeRequests([recent, old], 'json') : encodeServices([...FAKE_SERVICES], 'json');
      return { request, elapsedMs: 1, redirects: [], response: { status: 200, headers: {}, body, size: body.length, truncated: false, invalidUtf8: false } };
    };
    expect(await sampleUsage({ ...target(1), url: 'https://lax.example/v2/' }, { ...options, transport }))
      .toMatchObject({ sampled: 1, requests_30d: 1, requests_7d: 1, newest_at: NOW - 2 * DAY });
  });

  it('takes paging headers saying there is more as capped', async () => {
    const listed = [fakeRequest('a', NOW - DAY), fakeRequest('b', NOW - 2 * DAY)];
    const answer = (headers: Record<string, string>): Transport => async (request) => {
      const list = request.url.includes('/requests.');
      const body = list ? encodeRequests(listed, 'json') : encodeServices([...FAKE_SERVICES], 'json');
      return { request, elapsedMs: 1, redirects: [], response: { status: 200, headers: list ? headers : {}, body, size: body.length, truncated: false, invalidUtf8: false } };
    };
    const at = { ...target(1), url: 'https://paged.example/v2/' };
    expect(await sampleUsage(at, { ...options, transport: answer({ 'x-total-count': '2' }) })).toMatchObject({ capped: false, requests_30d: 2 });
    expect(await sampleUsage(at, { ...options, transport: answer({ 'x-total-count': '730' }) })).toMatchObject({ capped: true, requests_30d: 2 });
    expect(await sampleUsage(at, { ...options, transport: answer({ link: '<https://paged.example/v2/requests.json?page=2>; rel="next"' }) })).toMatchObject({ capped: true });
  });

  it('has no shares and no newest request when there are none', async () => {
    fleet.set(3, { requests: [] });
    expect(await sampleUsage(target(3), options)).toMatchObject({
      sampled: 0, with_location: null, with_address: null, with_updated: null, with_media: null, with_status_notes: null,
      requests_7d: 0, requests_30d: 0, capped: false, open: 0, closed: 0, newest_at: null,
    });
  });

  it('is a failure with why, never an exception', async () => {
    fleet.set(4, { behaviour: 'http-500' });
    const u = await sampleUsage(target(4), options);
    expect(u).toEqual({ failed: expect.stringMatching(/HTTP 500/) });
    const refused = await sampleUsage({ ...target(5), url: fleet.refusedUrl }, options);
    expect(refused).toHaveProperty('failed');
  });
});
