/** The tracker over HTTP: public data only, the timeline, due dates, the Atom feed, look-up, tokens and following by e-mail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CITY_HALL } from '@o311/demo';
import { JURISDICTION_ID, TINY_JPEG, buildCitizenTestApp, multipart, type CitizenTestApp } from './support/citizen-app.js';

const DAY = 86_400_000;
let t: CitizenTestApp;
let id: string;

const REPORT = {
  lat: String(CITY_HALL.lat),
  long: String(CITY_HALL.long),
  address_string: '400 Locust St',
  'attribute[LOCATION]': 'bike_lane',
  'attribute[SIZE]': 'large',
  description: 'Hole in the bike lane',
  email: 'private.person@example.org',
  first_name: 'Prudence',
  last_name: 'Privacy',
  phone: '+1 515 555 0199',
};

const newId = (location: string | undefined): string => new URL(location ?? '', 'http://x').searchParams.get('id') ?? '';

beforeAll(async () => {
  t = await buildCitizenTestApp({ web: { publicUrl: 'https://311.riverton.example' } });
  const { payload, contentType } = multipart(Object.entries(REPORT), [
    { field: 'media', filename: 'hole.jpg', type: 'image/jpeg', bytes: TINY_JPEG },
  ]);
  const res = await t.app.inject({ method: 'POST', url: '/report/POTHOLE', payload, headers: { 'content-type': contentType } });
  id = newId(res.headers.location);
  const addComment = t.store.addComment?.bind(t.store);
  if (!addComment) throw new Error('the store cannot add comments');
  const now = Date.now();
  await addComment({ jurisdiction_id: JURISDICTION_ID, request_id: id, description: 'INTERNAL: reporter is the mayor’s cousin', public: false, author: 'agent', at: now + 1 });
  await addComment({ jurisdiction_id: JURISDICTION_ID, request_id: id, description: 'A crew inspected the hole.', public: true, author: 'agent', at: now + 2 });
  await t.store.changeStatus({
    jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'in_progress', note: 'Patching scheduled for Tuesday.',
    author: 'agent', at: now + 3, expected_at: now + 3 * DAY,
  });
  // later changes (at the default time, now) must come after these
  await new Promise((resolve) => setTimeout(resolve, 20));
});
afterAll(() => t.close());

const get = (url: string, lang?: string) => t.app.inject({ url, headers: lang ? { 'accept-language': lang } : {} });

describe('tracker page', () => {
  it('shows status, the public timeline oldest first, answers and photos', async () => {
    const res = await get(`/track/${id}`);
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain(`<h1>Request ${id}</h1>`);
    const history = b.slice(b.indexOf('id="timeline"'));
    expect(b).toMatch(/<strong class="status-badge status-open" id="request-status">In progress<\/strong>/);
    const order = ['Reported', 'A crew inspected the hole.', 'Status: In progress', 'Patching scheduled for Tuesday.'].map((s) => history.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(b).toMatch(/<li class="event event-status_change event-current" id="update-3" aria-current="step">/);
    expect(b).toMatch(/<dt>How big is it\?<\/dt><dd>Larger than a car tire<\/dd>/);
    expect(b).toMatch(/<img src="http:\/\/localhost(:80)?\/open311\/v2\/media\/[^"]+" alt="Photo 1 sent with the report"/);
    expect(b).toContain('id="track-map"');
    expect(b).toContain(`<link rel="alternate" type="application/atom+xml"`);
  });

  it('never shows internal notes nor the reporter’s contact details', async () => {
    const b = (await get(`/track/${id}`)).body;
    for (const secret of ['INTERNAL', 'mayor', REPORT.email, REPORT.first_name, REPORT.last_name, REPORT.phone, '555']) {
      expect(b).not.toContain(secret);
    }
  });

  it('dates events in the city’s timezone, in the reader’s language', async () => {
    const es = await get(`/track/${id}`, 'es');
    expect(es.body).toContain('Estado: En curso');
    expect(es.body).toMatch(/<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[56]:00">/);
    const fr = await get(`/track/${id}?lang=fr`);
    expect(fr.body).toContain('Échéance dans 3 jours');
  });

  it('says how many days are left, or how late it is', async () => {
    expect((await get(`/track/${id}`)).body).toContain('Due in 3 days');
    await t.store.changeStatus({
      jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'in_progress', note: null, author: 'agent', expected_at: Date.now() - 2 * DAY,
    });
    const late = (await get(`/track/${id}`)).body;
    expect(late).toMatch(/<p class="due due-overdue" id="due">Overdue by 2 days/);
    expect((await get(`/track/${id}`, 'es')).body).toContain('Con un retraso de 2 días');
  });

  it('finds a request by its number from the home page, and is a friendly 404 otherwise', async () => {
    const found = await get(`/track?id=%23${id}`);
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/track/${id}`);
    const unknown = await get('/track?id=99999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No request has the number 99999999');
    expect(unknown.body).toContain('id="track-again-id"');
    // The tracker's own address says the same: which number is unknown, and a box to try another.
    const direct = await get('/track/99999999');
    expect(direct.statusCode).toBe(404);
    expect(direct.body).toContain('No request has the number 99999999');
    expect(direct.body).toContain('id="track-again-id"');
    expect((await get('/track/99999999', 'es')).body).toContain('99999999');
  });
});

describe('batch tokens', () => {
  it('resolve to the tracker; an unknown one is pending', async () => {
    const res = await t.postForm('/report/GRAFFITI', {
      address_string: '12 Walnut St', geocode_pick: 'address', 'attribute[SURFACE]': 'fence', 'attribute[OFFENSIVE]': 'no',
    });
    expect(res.statusCode).toBe(303);
    const token = new URL(res.headers.location ?? '', 'http://x').searchParams.get('token') ?? '';
    expect(token).not.toBe('');
    const sent = await get(res.headers.location ?? '');
    expect(sent.body).toContain('id="request-number"');
    const resolved = await get(`/track/token/${token}`);
    expect(resolved.statusCode).toBe(303);
    expect(resolved.headers.location).toMatch(/^\/track\/\d+$/);
    const pending = await get('/track/token/not-yet-known');
    expect(pending.statusCode).toBe(200);
    expect(pending.body).toContain('data-token="not-yet-known"');
    expect(pending.body).toContain('/assets/js/token-poll.js');
  });
});

describe('Atom feed', () => {
  it('is valid Atom 1.0 with one entry per public event', async () => {
    const res = await get(`/track/${id}/feed.atom`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(res.body) as {
      feed: {
        '@xmlns': string; id: string; title: string; updated: string;
        link: { '@rel': string; '@href': string }[];
        author: { name: string };
        entry: { id: string; title: string; updated: string; content: { '#text': string } }[];
      };
    };
    const { feed } = doc;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`https://311.riverton.example/track/${id}`);
    expect(feed.title).toContain(`Request ${id}`);
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(feed.link.map((l) => l['@rel']).sort()).toEqual(['alternate', 'self']);
    expect(feed.link.find((l) => l['@rel'] === 'self')?.['@href']).toBe(`https://311.riverton.example/track/${id}/feed.atom`);
    expect(feed.author.name).toBe('City of Riverton');
    const entries = feed.entry;
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const contents = entries.map((e) => e.content['#text']);
    expect(contents).toContain('A crew inspected the hole.');
    expect(res.body).not.toContain('INTERNAL');
    expect(res.body).not.toContain(REPORT.email);
  });
});

describe('following by e-mail', () => {
  const follower = 'neighbour@example.org';
  const linkIn = (text: string, path: string): string => {
    const m = new RegExp(`https://311\\.riverton\\.example(${path.replace(/[?]/g, '\\?')}[^\\s"<]+)`).exec(text);
    if (!m?.[1]) throw new Error(`no ${path} link in:\n${text}`);
    return m[1].replace(/&amp;/g, '&');
  };
  const outboxFor = async (to: string) => t.store.listOutbox({ to, limit: 50 });

  it('counts confirmation mails per address in the database, where every server process counts them too', async () => {
    const minute = (): number => Math.floor(Date.now() / 60_000);
    // The counts are per clock minute: a run that straddles two is run again from another address.
    for (const from of ['203.0.113.7', '203.0.113.8']) {
      const started = minute();
      const follow = (n: number) =>
        t.app.inject({
          method: 'POST', url: `/track/${id}/follow`, remoteAddress: from,
          headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=limit${n}%40example.org`,
        });
      for (let n = 0; n < 4; n++) expect((await follow(n)).statusCode).toBe(303);
      // Another process on the database takes the fifth of the address's five a minute.
      await t.store.rateLimits.take(`follow-ip:${from}`, 5, 60_000, Date.now());
      const refused = await follow(5);
      if (minute() !== started) continue;
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('id="follow-error"');
      return;
    }
    throw new Error('two runs straddled a minute each');
  });

  it('refuses an address that is not one', async () => {
    const res = await t.postForm(`/track/${id}/follow`, { email: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="follow-error"');
  });

  it('double opt-in, updates through notifyFollowers, unsubscribe', async () => {
    const asked = await t.postForm(`/track/${id}/follow`, { email: follower });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/track/${id}?follow=sent#follow`);
    expect((await get(asked.headers.location ?? '')).body).toContain('id="follow-status"');

    const [confirmMail] = await outboxFor(follower);
    expect(confirmMail?.subject).toBe(`Confirm you want updates on request ${id}`);
    expect(confirmMail?.html).toContain('/track/unsubscribe?token=');
    const confirmPath = linkIn(confirmMail?.text ?? '', `/track/${id}/follow/confirm?token=`);

    // not confirmed yet: nothing to send
    await t.notify(id);
    expect(await outboxFor(follower)).toHaveLength(1);

    const confirmed = await get(confirmPath);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('id="follow-confirmed"');

    await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'fixed', note: 'Patched with hot asphalt.', author: 'agent' });
    await t.notify(id);
    const mails = await outboxFor(follower);
    expect(mails).toHaveLength(2);
    const update = mails[1];
    expect(update?.subject).toBe(`Request ${id}: Fixed`);
    expect(update?.text).toContain('Patched with hot asphalt.');
    expect(update?.text).toContain(`https://311.riverton.example/track/${id}#update-`);
    expect(update?.html).toContain('Patched with hot asphalt.');
    const unsubscribePath = linkIn(update?.text ?? '', '/track/unsubscribe?token=');

    const ask = await get(unsubscribePath);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('id="unsubscribe-button"');
    const token = new URL(unsubscribePath, 'http://x').searchParams.get('token') ?? '';
    const done = await t.postForm('/track/unsubscribe', { token });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('id="unsubscribed"');
    // The reporter, who left an e-mail with the report, follows it too (reporter/receipt.ts).
    expect((await t.store.listConfirmedFollowers(JURISDICTION_ID, id)).map((f) => f.email)).not.toContain(follower);

    await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'closed', note: 'Done.', author: 'agent' });
    await t.notify(id);
    expect(await outboxFor(follower)).toHaveLength(2);
    expect((await t.postForm('/track/unsubscribe', { token })).statusCode).toBe(404);
    // The used link, opened again, says at once that it no longer works (no button that cannot succeed).
    const again = await get(unsubscribePath);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('This link does not work');
    expect(again.body).not.toContain('id="unsubscribe-button"');
    expect((await get('/track/unsubscribe?token=o311f_garbage')).statusCode).toBe(404);
  });

  it('says so when a confirmation link is wrong', async () => {
    const res = await get(`/track/${id}/follow/confirm?token=bogus`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('This link does not work');
  });
});
