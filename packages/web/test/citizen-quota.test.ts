/**
 * The citizen app's key is printed in every report page, so its quota cannot be
 * one for everybody (issue 8, item 13): a stream of invalid POSTs with it from
 * one address blocks nobody else, spends nothing, and the report form is
 * limited per visitor, counting accepted reports only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCitizenTestApp, formBody, type CitizenTestApp } from './support/citizen-app.js';

const ANSWERS = {
  lat: '41.5868', long: '-93.625', 'attribute[LOCATION]': 'travel_lane', 'attribute[SIZE]': 'large', 'attribute[DEPTH_CM]': '12',
};
const ATTACKER = '203.0.113.66';
const CITIZEN = '198.51.100.20';

describe('the citizen app\'s quota', () => {
  let t: CitizenTestApp;
  let key: string;

  const apiPost = (fields: Record<string, string>, remoteAddress: string) =>
    t.app.inject({
      method: 'POST', url: '/open311/v2/requests.json', remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(fields),
    });
  const formPost = (fields: Record<string, string>, remoteAddress: string) =>
    t.app.inject({
      method: 'POST', url: '/report/POTHOLE', remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(fields),
    });

  beforeAll(async () => {
    t = await buildCitizenTestApp();
    const page = await t.app.inject({ method: 'GET', url: '/report/POTHOLE' });
    key = /"apiKey":"([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(key).not.toBe('');
  });
  afterAll(() => t.close());

  it('600 invalid POSTs with the page\'s key from one address leave every form working, that address\'s too', async () => {
    for (let i = 0; i < 600; i++) {
      const res = await apiPost({ api_key: key, service_code: 'POTHOLE' }, ATTACKER);
      expect(res.statusCode).toBe(400);
    }
    expect((await formPost(ANSWERS, CITIZEN)).statusCode).toBe(303);
    expect((await apiPost({ ...ANSWERS, service_code: 'POTHOLE', api_key: key }, CITIZEN)).statusCode).toBe(200);
    expect((await formPost(ANSWERS, ATTACKER)).statusCode).toBe(303);
  });

  it('limits each visitor\'s accepted reports (20 a minute), not everybody\'s', async () => {
    const visitor = '192.0.2.9';
    const statuses: number[] = [];
    // 41 posts: whether or not they straddle two minute windows, more than the limit and fewer than twice it pass.
    for (let i = 0; i < 41; i++) statuses.push((await formPost(ANSWERS, visitor)).statusCode);
    const accepted = statuses.filter((s) => s === 303).length;
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThanOrEqual(40);
    expect(statuses.filter((s) => s === 400).length).toBe(41 - accepted);
    expect((await formPost(ANSWERS, '192.0.2.10')).statusCode).toBe(303);
  });
});
