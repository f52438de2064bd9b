/**
 * Issue 8, items 7 and 9 in the web apps: a NUL character in a form, a query
 * or a cookie is refused with a 400 page (PostgreSQL answered 500), the
 * services editor refuses an SLA past ten years, and the tracker shows a
 * request whose stored dates no response can write instead of failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_HALL, DEMO_JURISDICTION } from '@o311/demo';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { buildWebTestApp, formBody, type StaffAuth, type WebTestApp } from './support/app.js';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const YEAR_10000 = Date.UTC(10_000, 0, 1, 12);

describe.each(['sqlite', 'postgres'] as const)('impossible input in the web apps (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;
  const count = async () => (await t.store.listRequests({ jurisdiction_id: DEMO_JURISDICTION.id, limit: 1000, offset: 0 })).length;

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const expectRefusedPage = (res: { statusCode: number; headers: Record<string, unknown>; body: string }): void => {
    expect(res.statusCode, res.body).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    expect(res.body).toContain('NUL');
    expect(res.body).toContain('<a href="/">');
  };

  it('a report form with a NUL answers a 400 page and files nothing, urlencoded or multipart', async () => {
    const before = await count();
    const fields = {
      lat: String(CITY_HALL.lat), long: String(CITY_HALL.long), address_string: '400 Locust St',
      'attribute[LOCATION]': 'bike_lane', 'attribute[SIZE]': 'large', description: 'Deep\u0000hole',
    };
    expectRefusedPage(await t.app.inject({
      method: 'POST', url: '/report/POTHOLE', payload: formBody(fields), headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
    }));
    const boundary = 'nulboundary';
    const payload = Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
    const multipart = await t.app.inject({
      method: 'POST', url: '/report/POTHOLE', payload, headers: { ...HTML, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expectRefusedPage(multipart);
    expect(await count()).toBe(before);
    const clean = await t.app.inject({
      method: 'POST', url: '/report/POTHOLE', payload: formBody({ ...fields, description: 'Deep hole' }),
      headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(clean.statusCode, 'the same report without the NUL is filed').toBe(303);
  });

  it('a query, a path or a session cookie with a NUL answers 400, never 500', async () => {
    expectRefusedPage(await t.app.inject({ url: '/track?id=1%00', headers: HTML }));
    expectRefusedPage(await t.app.inject({ url: '/track/1%00', headers: HTML }));
    const staff = await t.app.inject({ url: '/staff', headers: { ...HTML, cookie: `${SESSION_COOKIE}=abc%00def` } });
    expect(staff.statusCode).toBe(400);
  });

  it('the inbox takes absurd pages and dates without a 500', async () => {
    for (const q of ['page=1e300', 'page=99999999999999999999', 'from=0000-01-01&to=9999-12-31', 'from=9999-12-31']) {
      const res = await t.get(`/staff?${q}`, admin);
      expect(res.statusCode, `${q}: ${res.body.slice(0, 200)}`).toBe(200);
    }
  });

  it('the services editor refuses sla_hours past ten years and saves nothing', async () => {
    const res = await t.postForm('/staff/services/new', {
      action: 'save', code: 'far.promise', name: 'Far promise', type: 'realtime', active: '1', sla_hours: '100000000',
    }, admin);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('sla_hours must be from 0 to 87600');
    expect(await t.store.getService(DEMO_JURISDICTION.id, 'far.promise')).toBeUndefined();
    const editor = await t.get('/staff/services/new', admin);
    expect(editor.body).toMatch(/name="sla_hours"[^>]* max="87600"/);
  });

  it('the tracker, the staff request page and the CSV export show a request whose stored dates lie past 9999', async () => {
    const [request] = await t.store.listRequests({ jurisdiction_id: DEMO_JURISDICTION.id, limit: 1, offset: 0 });
    await t.store.changeStatus({
      jurisdiction_id: DEMO_JURISDICTION.id, request_id: request!.id, status: 'in_progress', note: 'Far future',
      author: 'partner', at: YEAR_10000, expected_at: YEAR_10000,
    });
    const res = await t.app.inject({ url: `/track/${request!.id}`, headers: HTML });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Far future');
    expect((await t.app.inject({ url: '/open311/v2/requests.json' })).statusCode).toBe(200);
    const page = await t.get(`/staff/requests/${request!.id}`, admin);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('Far future');
    const inbox = await t.get('/staff', admin);
    expect(inbox.statusCode, inbox.body).toBe(200);
    const csv = await t.get('/staff/requests.csv', admin);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('Far future');
  });
});
