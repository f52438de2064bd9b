/**
 * "Me too" (issue 14, item 4) over HTTP: the nearby box on the form (distance,
 * status, date, photo, a button that posts without JavaScript), the support
 * counted once per browser, account or e-mail, an e-mail that starts the
 * follow flow, the tracker's count in the reader's language, the limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JURISDICTION_ID, TINY_JPEG, buildCitizenTestApp, multipart, type CitizenTestApp } from './support/citizen-app.js';

let t: CitizenTestApp;
const LAT = 41.6101;
const LONG = -93.6502;
let id = '';
let otherId = '';

const ANSWERS = { lat: String(LAT), long: String(LONG), 'attribute[LOCATION]': 'travel_lane', 'attribute[SIZE]': 'large', description: 'Crater', email: 'first@example.org' };

async function report(fields: Record<string, string>, photo = false): Promise<string> {
  const { payload, contentType } = multipart(Object.entries(fields), photo ? [{ field: 'media', filename: 'hole.jpg', type: 'image/jpeg', bytes: TINY_JPEG }] : []);
  const res = await t.app.inject({ method: 'POST', url: '/report/POTHOLE', payload, headers: { 'content-type': contentType } });
  expect(res.statusCode).toBe(303);
  return new URL(res.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
}

const support = (rid: string, opts: { cookie?: string; email?: string; from?: string; lang?: string } = {}) =>
  t.app.inject({
    method: 'POST', url: `/track/${rid}/support${opts.lang ? `?lang=${opts.lang}` : ''}`, remoteAddress: opts.from ?? '198.51.100.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.cookie && { cookie: opts.cookie }) },
    payload: opts.email === undefined ? '' : `email=${encodeURIComponent(opts.email)}`,
  });

const cookieOf = (res: { headers: Record<string, unknown> }): string => {
  const set = res.headers['set-cookie'];
  const first = (Array.isArray(set) ? set[0] : set) as string | undefined;
  return (first ?? '').split(';')[0] ?? '';
};

beforeAll(async () => {
  t = await buildCitizenTestApp({ requests: 0 });
  id = await report(ANSWERS, true);
  otherId = await report({ ...ANSWERS, lat: String(LAT + 0.0005) });
});
afterAll(() => t.close());

describe('the nearby box', () => {
  it('sits with the map in the location step and shows distance, status, date and photo, with a no-JS "me too" button', async () => {
    const page = await t.app.inject({ url: `/report/POTHOLE?lat=${LAT}&long=${LONG + 0.0005}` });
    const body = page.body;
    // Inside step 1, right after the map, before the details step.
    expect(body.indexOf('id="nearby"')).toBeGreaterThan(body.indexOf('id="map-block"'));
    expect(body.indexOf('id="nearby"')).toBeLessThan(body.indexOf('id="step-details"'));
    expect(body).toMatch(new RegExp(`<a href="/track/${id}">Request ${id}, reported [^<]+</a>`));
    expect(body).toContain('<span class="nearby-distance">40 m away</span>');
    expect(body).toContain('<span class="nearby-status">Status: Open</span>');
    expect(body).toMatch(/<img class="nearby-photo" src="[^"]*\/open311\/v2\/media\/[^"]+" alt="Photo of request/);
    // The button submits a form of its own, outside the report form (forms do not nest).
    expect(body).toContain(`form="support-${id}"`);
    // The button's request id is for screen readers only (the class o311.css hides).
    expect(body).toContain(`<span class="sr-only"> (Request ${id})</span></button>`);
    const forms = body.slice(body.indexOf('<div id="nearby-forms">'));
    expect(body.indexOf('<div id="nearby-forms">')).toBeGreaterThan(body.indexOf('id="submit-report"'));
    expect(forms).toContain(`<form id="support-${id}" method="post" action="/track/${id}/support" hidden></form>`);
    expect(body).not.toContain('first@example.org');
  });
});

describe('me too', () => {
  it('counts a browser once, says so on the tracker, in three languages with plurals', async () => {
    const first = await support(id);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/track/${id}?support=added#support`);
    const cookie = cookieOf(first);
    expect(cookie).toMatch(/^o311_supporter=[A-Za-z0-9_-]{43}$/);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const again = await support(id, { cookie });
    expect(again.headers.location).toBe(`/track/${id}?support=already#support`);
    expect(await t.store.supporters.count(JURISDICTION_ID, id)).toBe(1);

    const page = await t.app.inject({ url: `/track/${id}?support=added` });
    expect(page.body).toContain('<p class="support-count" id="support-count">1 person reported this too</p>');
    expect(page.body).toContain('Thank you: your report was added to this request.');
    await support(id, { from: '198.51.100.2' });
    const two = await t.app.inject({ url: `/track/${id}` });
    expect(two.body).toContain('2 people reported this too');
    expect((await t.app.inject({ url: `/track/${id}?lang=es` })).body).toContain('2 personas también lo reportaron');
    expect((await t.app.inject({ url: `/track/${id}?lang=fr` })).body).toContain('2 personnes l’ont aussi signalé');
    const nearby = await t.app.inject({ url: `/report/POTHOLE?lat=${LAT}&long=${LONG}` });
    expect(nearby.body).toContain('2 people reported this too');
  });

  it('with an e-mail: one support per address, and the follow confirmation mail', async () => {
    const email = 'metoo@example.org';
    const res = await support(otherId, { email });
    expect(res.headers.location).toBe(`/track/${otherId}?support=followed#support`);
    // Another browser, the same address: the same support.
    await support(otherId, { email: 'MeToo@example.org', from: '198.51.100.3' });
    expect(await t.store.supporters.count(JURISDICTION_ID, otherId)).toBe(1);
    const mails = await t.store.listOutbox({ to: email, limit: 10 });
    expect(mails.length).toBeGreaterThan(0);
    expect(mails[0]?.text ?? '').toContain(`/track/${otherId}/follow/confirm?token=`);
    const page = await t.app.inject({ url: `/track/${otherId}` });
    expect(page.body).not.toContain(email);
  });

  it('refuses an address that is not one, counting nothing', async () => {
    const before = await t.store.supporters.count(JURISDICTION_ID, otherId);
    const res = await support(otherId, { email: 'nope', from: '198.51.100.4' });
    expect(res.headers.location).toBe(`/track/${otherId}?support=invalid#support`);
    expect(await t.store.supporters.count(JURISDICTION_ID, otherId)).toBe(before);
  });

  it('is limited per client address', async () => {
    const from = '203.0.113.50';
    const outcomes: string[] = [];
    for (let n = 0; n < 12; n++) outcomes.push((await support(otherId, { from })).headers.location ?? '');
    expect(outcomes.some((l) => l.includes('support=busy'))).toBe(true);
  });

  it('a signed-in citizen counts once, from any browser', async () => {
    const email = 'signed.in@example.org';
    const form = (url: string, payload: string, from: string) =>
      t.app.inject({ method: 'POST', url, remoteAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    expect((await form('/account/sign-in', `email=${encodeURIComponent(email)}`, '198.51.100.20')).statusCode).toBe(200);
    const mail = (await t.store.listOutbox({ to: email, limit: 10 })).at(-1);
    const token = /\/account\/link\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    const signedIn = await form('/account/link', `token=${token}`, '198.51.100.20');
    expect(signedIn.statusCode).toBe(303);
    const account = cookieOf(signedIn);
    const target = await report({ ...ANSWERS, lat: String(LAT + 0.02) });
    // Two browsers (no supporter cookie sent), one account.
    for (const from of ['198.51.100.21', '198.51.100.22']) {
      await t.app.inject({ method: 'POST', url: `/track/${target}/support`, remoteAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: account }, payload: '' });
    }
    expect(await t.store.supporters.count(JURISDICTION_ID, target)).toBe(1);
  });

  it('a closed request takes no support and offers no button', async () => {
    const closed = await report({ ...ANSWERS, lat: String(LAT + 0.01) });
    await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: closed, status: 'closed', note: 'Filled.', author: 'agent' });
    const res = await support(closed, { from: '198.51.100.10' });
    expect(res.headers.location).toBe(`/track/${closed}?support=closed#support`);
    expect(await t.store.supporters.count(JURISDICTION_ID, closed)).toBe(0);
    const page = await t.app.inject({ url: `/track/${closed}` });
    expect(page.body).not.toContain('id="support-form"');
  });

  it('an unknown request is a 404', async () => {
    expect((await support('999999', { from: '198.51.100.9' })).statusCode).toBe(404);
  });
});
