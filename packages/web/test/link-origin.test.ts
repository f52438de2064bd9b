/**
 * Links that leave the page (follow mails, the Atom feed) never come from a
 * foreign Host header when no public URL is configured: they use the server's
 * own origin (here `http://localhost`, an app that is not listening).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_HALL } from '@o311/demo';
import { buildCitizenTestApp, type CitizenTestApp } from './support/citizen-app.js';

const EVIL = 'evil.example';
let t: CitizenTestApp;
let id: string;

beforeAll(async () => {
  t = await buildCitizenTestApp();
  const res = await t.postForm('/report/POTHOLE', {
    lat: String(CITY_HALL.lat), long: String(CITY_HALL.long), address_string: '400 Locust St',
    'attribute[LOCATION]': 'bike_lane', 'attribute[SIZE]': 'large', description: 'Hole',
  });
  id = new URL(res.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
  expect(id).not.toBe('');
});
afterAll(() => t.close());

describe('links built without a configured public URL', () => {
  it('a follow-confirmation mail asked for with a foreign Host links to the server, not to that host', async () => {
    const follower = 'victim@example.org';
    const asked = await t.postForm(`/track/${id}/follow`, { email: follower }, { host: EVIL });
    expect(asked.statusCode).toBe(303);
    const [mail] = await t.store.listOutbox({ to: follower, limit: 5 });
    expect(mail?.text).toContain(`http://localhost/track/${id}/follow/confirm?token=`);
    expect(`${mail?.text ?? ''}${mail?.html ?? ''}`).not.toContain(EVIL);
  });

  it('the Atom feed asked for with a foreign Host links to the server', async () => {
    const res = await t.app.inject({ url: `/track/${id}/feed.atom`, headers: { host: EVIL } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`http://localhost/track/${id}`);
    expect(res.body).not.toContain(EVIL);
  });

  it('pages asked for through a loopback name keep that origin (same-origin media under the CSP)', async () => {
    const res = await t.app.inject({ url: `/track/${id}/feed.atom`, headers: { host: '127.0.0.1:8080' } });
    expect(res.body).toContain(`http://127.0.0.1:8080/track/${id}`);
  });
});
