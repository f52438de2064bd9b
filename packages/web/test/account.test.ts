/**
 * Citizen accounts over HTTP (issue 11, part 3): sign-in by a link read from
 * the outbox, single use and expiry, the same answer for every address, the
 * report linked to the account, My reports with status and overdue mark,
 * follow/unfollow, exports, CSRF, deletion erasing the contact data, the
 * reminder job; never anything personal in a public answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CITY_HALL, DEMO_JURISDICTION, seedDemoCity } from '@o311/demo';
import { buildApp, type ServiceContext } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { webPlugin, type WebOptions } from '@o311/web';
import { freshSqliteUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { ACCOUNT_COOKIE } from '../src/account/session-cookie.js';
import { sendOverdueReminders } from '../src/account/reminders.js';
import { SIGN_IN_LINK_TTL_MS } from '../src/account/sign-in.js';
import type { WebContext } from '../src/context.js';
import { createMailer } from '../src/mail/mailer.js';
import { formBody } from './support/citizen-app.js';

const J = DEMO_JURISDICTION.id;
const SITE = 'https://311.riverton.example';
const DAY = 86_400_000;
const WEB: WebOptions = { secureCookies: false, publicUrl: SITE };

let db: FreshDatabase;
let store: Store;
let app: FastifyInstance;
let web: WebContext;
let clock = Date.now();
let ipSeq = 0;
/** A fresh client address: each test is throttled on its own. */
const newIp = (): string => `10.1.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

beforeAll(async () => {
  db = await freshSqliteUrl();
  store = await openStore(db.url);
  await store.migrate();
  await seedDemoCity(store, { requests: 10 });
  let services: ServiceContext | undefined;
  const capture = async (_app: FastifyInstance, ctx: ServiceContext): Promise<void> => {
    services = ctx;
  };
  app = await buildApp({ store, now: () => clock, plugins: [webPlugin(WEB), capture], homePath: '/developers' });
  if (!services) throw new Error('no service context');
  web = { services, options: WEB, mailer: createMailer(services, WEB) };
});
afterAll(async () => {
  await app.close();
  await store.close();
  await db.cleanup();
});

interface Citizen {
  email: string;
  ip: string;
  cookie: string;
  csrf: string;
  accountId: string;
}

const post = (url: string, fields: Record<string, string | readonly string[]>, o: { ip?: string; cookie?: string; headers?: Record<string, string> } = {}) =>
  app.inject({
    method: 'POST',
    url,
    remoteAddress: o.ip ?? '127.0.0.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(o.cookie && { cookie: o.cookie }), ...o.headers },
    payload: formBody(fields),
  });
const get = (url: string, cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });

/** The secret of the newest sign-in link mailed to the address. */
async function mailedToken(email: string): Promise<string> {
  const mails = await store.listOutbox({ to: email, limit: 100 });
  const m = mails.at(-1);
  const match = m && /\/account\/link\?token=([A-Za-z0-9_-]+)/.exec(m.text);
  if (!match?.[1]) throw new Error(`no sign-in link mailed to ${email}`);
  return match[1];
}

const cookieValue = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name);

async function signIn(email = `${Math.random().toString(36).slice(2)}@example.org`): Promise<Citizen> {
  const ip = newIp();
  expect((await post('/account/sign-in', { email }, { ip })).statusCode).toBe(200);
  const res = await post('/account/link', { token: await mailedToken(email) }, { ip });
  expect(res.statusCode).toBe(303);
  const secret = cookieValue(res, ACCOUNT_COOKIE)?.value;
  if (!secret) throw new Error('no account cookie');
  const found = await store.citizens.findSession(secret, clock);
  if (!found) throw new Error('no session');
  return { email, ip, cookie: `${ACCOUNT_COOKIE}=${secret}`, csrf: found.session.csrf_token, accountId: found.account.id };
}

const REPORT = {
  lat: String(CITY_HALL.lat),
  long: String(CITY_HALL.long),
  address_string: '400 Locust St',
  'attribute[LOCATION]': 'bike_lane',
  'attribute[SIZE]': 'large',
  description: 'Hole in the bike lane',
  first_name: 'Prudence',
  phone: '+1 515 555 0199',
};

async function report(c: Citizen | undefined, extra: Record<string, string> = {}): Promise<string> {
  const res = await post('/report/POTHOLE', { ...REPORT, ...(c && { email: c.email }), ...extra }, c ? { cookie: c.cookie } : {});
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  const id = new URL(res.headers.location ?? '', 'http://x').searchParams.get('id');
  if (!id) throw new Error('no request id');
  return id;
}

describe('signing in by e-mail link', () => {
  it('mails a single-use link; GET shows a button, POST signs in with its own HttpOnly, SameSite=Lax cookie', async () => {
    const email = 'first.timer@example.org';
    const ip = newIp();
    const asked = await post('/account/sign-in', { email: ' First.Timer@Example.org ' }, { ip });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Check your email');
    const [mail] = await store.listOutbox({ to: email, limit: 5 });
    expect(mail?.subject).toBe('Your sign-in link');
    expect(mail?.text).toContain(`${SITE}/account/link?token=o311m_`);
    expect(mail?.text).toContain('within 15 minutes');
    const token = await mailedToken(email);
    expect(JSON.stringify(await store.listAudit({ limit: 20 }))).not.toContain(token);

    const page = await get(`/account/link?token=${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="sign-in-link-button"');
    expect(page.cookies).toEqual([]);

    const used = await post('/account/link', { token }, { ip });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/account');
    const cookie = cookieValue(used, ACCOUNT_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.name).not.toBe('o311_staff');
    const mine = await get('/account', `${ACCOUNT_COOKIE}=${cookie?.value}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(`Signed in as ${email}`);
    expect(mine.body).toContain('id="nav-account">My reports</a>');

    const again = await post('/account/link', { token }, { ip });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('It has been used already');
    expect(cookieValue(again, ACCOUNT_COOKIE)).toBeUndefined();
  });

  it('refuses a link older than 15 minutes, and an unknown one', async () => {
    const email = 'slow.reader@example.org';
    const ip = newIp();
    await post('/account/sign-in', { email }, { ip });
    const token = await mailedToken(email);
    clock += SIGN_IN_LINK_TTL_MS;
    try {
      const late = await post('/account/link', { token }, { ip });
      expect(late.statusCode).toBe(410);
      expect(late.body).toContain('more than 15 minutes old');
    } finally {
      clock -= SIGN_IN_LINK_TTL_MS;
    }
    const unknown = await post('/account/link', { token: 'o311m_madeup' }, { ip });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers the same for an address with an account and one without', async () => {
    const known = await signIn('has.account@example.org');
    const a = await post('/account/sign-in', { email: known.email }, { ip: newIp() });
    const b = await post('/account/sign-in', { email: 'no.account@example.org' }, { ip: newIp() });
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.body.replaceAll(known.email, 'X')).toBe(b.body.replaceAll('no.account@example.org', 'X'));
    expect((await store.listOutbox({ to: 'no.account@example.org', limit: 5 })).length).toBe(1);
  });

  it('refuses a bad address with the form again (400), never mailing it', async () => {
    const res = await post('/account/sign-in', { email: 'not an address' }, { ip: newIp() });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter an email address like name@example.org');
    expect(res.body).toContain('value="not an address"');
  });

  it('bounds the mails one client may cause for an address, and the bad links it may try', async () => {
    const ip = newIp();
    const email = 'often@example.org';
    for (let i = 0; i < 3; i++) expect((await post('/account/sign-in', { email }, { ip })).statusCode).toBe(200);
    const fourth = await post('/account/sign-in', { email }, { ip });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['retry-after']).toBe('60');
    expect((await store.listOutbox({ to: email, limit: 10 })).length).toBe(3);
    // Another client is not held back by this one.
    expect((await post('/account/sign-in', { email }, { ip: newIp() })).statusCode).toBe(200);

    const guesser = newIp();
    for (let i = 0; i < 10; i++) expect((await post('/account/link', { token: `o311m_guess${i}` }, { ip: guesser })).statusCode).toBe(404);
    expect((await post('/account/link', { token: 'o311m_guess' }, { ip: guesser })).statusCode).toBe(429);
  });

  it('speaks the reader’s language, in the pages and in the mail', async () => {
    expect((await get('/account/sign-in?lang=es')).body).toContain('Inicie sesión con su correo electrónico');
    const fr = await app.inject({ method: 'POST', url: '/account/sign-in', remoteAddress: newIp(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fr' }, payload: 'email=lectrice%40example.org' });
    expect(fr.body).toContain('Consultez vos e-mails');
    const [mail] = await store.listOutbox({ to: 'lectrice@example.org', limit: 1 });
    expect(mail?.subject).toBe('Votre lien de connexion');
  });

  it('signs out: the session no longer opens My reports', async () => {
    const c = await signIn();
    const out = await post('/account/sign-out', { _csrf: c.csrf }, { cookie: c.cookie });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/account/sign-in?done=signed-out');
    const after = await get('/account', c.cookie);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/account/sign-in');
  });
});

describe('reports of an account', () => {
  let c: Citizen;
  let id: string;
  beforeAll(async () => {
    c = await signIn('reporter@example.org');
    id = await report(c);
  });

  it('prefills the report form and links the report to the account', async () => {
    const form = await get('/report/POTHOLE', c.cookie);
    expect(form.body).toContain(`<input type="hidden" name="account_id" value="${c.accountId}">`);
    expect(form.body).toMatch(/name="email" autocomplete="email" maxlength="\d+" value="reporter@example.org"/);
    expect((await store.getRequest(J, id))?.reporter).toMatchObject({ email: c.email, first_name: 'Prudence', account_id: c.accountId });
    expect((await get(`/report/POTHOLE/sent?id=${id}`, c.cookie)).body).toContain('<a href="/account" id="sent-my-reports">See it in My reports</a>');
    expect((await get(`/report/POTHOLE/sent?id=${id}`)).body).not.toContain('sent-my-reports');
  });

  it('ignores an account id sent by a signed-out form, and the header offers to sign in', async () => {
    const stray = await report(undefined, { account_id: c.accountId });
    expect((await store.getRequest(J, stray))?.reporter.account_id).toBeNull();
    expect((await get('/report/POTHOLE')).body).toContain('id="nav-account">Sign in</a>');
  });

  it('lists the report in My reports with its status, and marks it overdue past its expected date', async () => {
    await store.changeStatus({ jurisdiction_id: J, request_id: id, status: 'in_progress', note: 'On it', author: 'agent', at: clock });
    const page = (await get('/account', c.cookie)).body;
    const row = page.slice(page.indexOf(`id="report-${id}"`), page.indexOf('</tr>', page.indexOf(`id="report-${id}"`)));
    expect(row).toContain(`<a href="/track/${id}">${id}</a>`);
    expect(row).toContain('Pothole');
    expect(row).toContain('In progress');
    expect(row).not.toContain('Overdue');
    clock += 5 * DAY;
    try {
      const later = (await get('/account', c.cookie)).body;
      expect(later).toMatch(/Overdue: Overdue by 2 days/);
    } finally {
      clock -= 5 * DAY;
    }
  });

  it('follows and unfollows without a confirmation mail, and refuses a form without the CSRF token', async () => {
    // The report's receipt followed it for its reporter (reporter/receipt.ts): start from not following.
    const auto = await vi.waitFor(async () => {
      const [f] = await store.listConfirmedFollowers(J, id);
      expect(f).toBeDefined();
      return f!;
    });
    await store.unsubscribe(auto.unsubscribeSecret);
    const mailsBefore = (await store.listOutbox({ to: c.email, limit: 100 })).length;
    const refused = await post('/account/follow', { jurisdiction_id: J, request_id: id }, { cookie: c.cookie });
    expect(refused.statusCode).toBe(403);
    const foreign = await post('/account/follow', { _csrf: c.csrf, jurisdiction_id: J, request_id: id }, { cookie: c.cookie, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(await store.listConfirmedFollowers(J, id)).toEqual([]);

    const followed = await post('/account/follow', { _csrf: c.csrf, jurisdiction_id: J, request_id: id }, { cookie: c.cookie });
    expect(followed.statusCode).toBe(303);
    expect(followed.headers.location).toBe(`/account?done=followed&id=${id}`);
    expect((await store.listConfirmedFollowers(J, id)).map((f) => f.email)).toEqual([c.email]);
    expect((await store.listOutbox({ to: c.email, limit: 100 })).length).toBe(mailsBefore);
    const page = (await get(followed.headers.location ?? '', c.cookie)).body;
    expect(page).toContain(`You now get an email when request ${id} changes.`);
    expect(page).toContain(`Stop following request ${id}`);

    const unknown = await post('/account/follow', { _csrf: c.csrf, jurisdiction_id: J, request_id: '999999' }, { cookie: c.cookie });
    expect(unknown.headers.location).toBe('/account?done=follow-unknown&id=999999');
    expect((await post('/account/unfollow', { _csrf: c.csrf, jurisdiction_id: J, request_id: id }, { cookie: c.cookie })).statusCode).toBe(303);
    expect(await store.listConfirmedFollowers(J, id)).toEqual([]);
    expect((await post('/account/follow', { jurisdiction_id: J, request_id: id })).statusCode).toBe(401);
  });

  it('follows from the tracker page with one button when signed in, and comes back to it', async () => {
    const other = (await store.listRequests({ jurisdiction_id: J, limit: 50, offset: 0 })).find((r) => r.reporter.account_id !== c.accountId)?.id ?? '';
    const page = (await get(`/track/${other}`, c.cookie)).body;
    expect(page).toContain('Signed in as reporter@example.org: updates go to this address');
    expect(page).toContain(`Follow request ${other}`);
    expect(page).not.toContain('id="follow-email"');
    expect((await get(`/track/${other}`)).body).toContain('id="follow-email"');
    const followed = await post('/account/follow', { _csrf: c.csrf, jurisdiction_id: J, request_id: other, back: 'tracker' }, { cookie: c.cookie });
    expect(followed.headers.location).toBe(`/track/${other}#follow`);
    expect((await get(`/track/${other}`, c.cookie)).body).toContain(`Stop following request ${other}`);
    expect((await get('/account', c.cookie)).body).toMatch(new RegExp(`id="my-follows"><li><a href="/track/${other}">`));
    const unfollowed = await post('/account/unfollow', { _csrf: c.csrf, jurisdiction_id: J, request_id: other, back: 'tracker' }, { cookie: c.cookie });
    expect(unfollowed.headers.location).toBe(`/track/${other}#follow`);
    expect((await store.citizens.listFollows(c.email)).map((f) => f.request_id)).not.toContain(other);
  });

  it('never shows the reporter’s contact data or account in public answers', async () => {
    for (const url of [`/open311/v2/requests/${id}.json`, `/open311/v2/requests.json?service_request_id=${id}`, `/open311/v2/requests/${id}.xml?extensions=true`, `/track/${id}`]) {
      const body = (await get(url)).body;
      expect(body, url).toContain(id);
      for (const secret of [c.email, c.accountId, 'Prudence', '555 0199']) expect(body, `${url}: ${secret}`).not.toContain(secret);
    }
  });

  it('exports the account’s data as JSON and CSV, only to the signed-in account', async () => {
    await post('/account/follow', { _csrf: c.csrf, jurisdiction_id: J, request_id: id }, { cookie: c.cookie });
    const json = await get('/account/export.json', c.cookie);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe('attachment; filename="o311-my-data.json"');
    expect(json.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(json.body);
    expect(data.account).toMatchObject({ id: c.accountId, email: c.email, reminders: true });
    expect(data.reports).toEqual([
      expect.objectContaining({ service_request_id: id, service_code: 'POTHOLE', status: 'in_progress', contact: expect.objectContaining({ email: c.email, first_name: 'Prudence', phone: REPORT.phone }) }),
    ]);
    expect(data.follows).toEqual([expect.objectContaining({ service_request_id: id, confirmed: true })]);
    expect(data.federated_reports).toEqual([]);

    const csv = await get('/account/export.csv', c.cookie);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('section,id,field,value');
    expect(lines).toContain(`account,${c.accountId},email,${c.email}`);
    expect(lines).toContain(`report,${id},contact.first_name,Prudence`);
    expect(lines).toContain(`report,${id},attributes.SIZE,large`);
    expect(lines).toContain(`follow,${id},confirmed,true`);

    const other = await signIn();
    expect(JSON.parse((await get('/account/export.json', other.cookie)).body).reports).toEqual([]);
    const anonymous = await get('/account/export.json');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/account/sign-in');
  });
});

describe('reports sent through the federated endpoint', () => {
  it('are listed with their delivery state, exported, and lose their contact data with the account', async () => {
    const c = await signIn();
    const fields = { lat: 41.5, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'Deer on the road', media_url: null, attributes: {} };
    const queued = await store.federation.create({ endpoint_slug: 'polk-county', service_code: 'ROADKILL', fields, contact: { email: c.email, first_name: 'Fed', last_name: null, phone: null, device_id: null }, account_id: c.accountId, api_key_id: null }, clock);
    const delivered = await store.federation.create({ endpoint_slug: 'des-moines-water', service_code: 'LEAK', fields, contact: { email: c.email, first_name: null, last_name: null, phone: null, device_id: null }, account_id: c.accountId, api_key_id: null }, clock + 1);
    await store.federation.markAttempt(delivered.id, clock + 2);
    await store.federation.markDelivered(delivered.id, '4711', clock + 3);

    const page = (await get('/account', c.cookie)).body;
    const section = page.slice(page.indexOf('id="my-federated-reports"'));
    expect(section).toMatch(/<td>des-moines-water<\/td><td>LEAK<\/td><td>[^<]+<\/td><td>Delivered as 4711<\/td>/);
    expect(section).toMatch(/<td>polk-county<\/td><td>ROADKILL<\/td><td>[^<]+<\/td><td>Being delivered<\/td>/);
    const data = JSON.parse((await get('/account/export.json', c.cookie)).body);
    expect(data.federated_reports.map((f: { id: string }) => f.id)).toEqual([delivered.id, queued.id]);
    expect(data.federated_reports[1]).toMatchObject({ endpoint: 'polk-county', contact: { first_name: 'Fed' }, fields: { description: 'Deer on the road' } });

    await post('/account/delete', { _csrf: c.csrf, confirm: 'yes' }, { cookie: c.cookie });
    for (const f of [queued, delivered]) {
      expect(await store.federation.get(f.id)).toMatchObject({ account_id: null, contact: { email: null, first_name: null }, fields: { description: 'Deer on the road' } });
    }
  });
});

describe('reports made before signing in', () => {
  it('are listed once the address is proven by the link: local and federated, in any case, never another account’s', async () => {
    const email = 'early.bird@example.org';
    const before = await report(undefined, { email: 'Early.Bird@Example.ORG' });
    const fields = { lat: 41.5, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'Deer before signing in', media_url: null, attributes: {} };
    const contact = { email, first_name: null, last_name: null, phone: null, device_id: null };
    const fed = await store.federation.create({ endpoint_slug: 'polk-county', service_code: 'ROADKILL', fields, contact, account_id: null, api_key_id: null }, clock);
    const someoneElse = await signIn();
    const theirs = await report(someoneElse, { email });
    // Asking for a link proves nothing yet.
    await post('/account/sign-in', { email }, { ip: newIp() });
    expect((await store.getRequest(J, before))?.reporter.account_id).toBeNull();

    const c = await signIn(email);
    const page = (await get('/account', c.cookie)).body;
    expect(page).toContain('Reports you made with this address are listed here, including those sent before you signed in');
    expect(page).toContain(`<tr id="report-${before}">`);
    expect(page).not.toContain(`<tr id="report-${theirs}">`);
    expect(page.slice(page.indexOf('id="my-federated-reports"'))).toMatch(/<td>polk-county<\/td><td>ROADKILL<\/td><td>[^<]+<\/td><td>Being delivered<\/td>/);
    expect((await store.getRequest(J, theirs))?.reporter.account_id).toBe(someoneElse.accountId);

    const data = JSON.parse((await get('/account/export.json', c.cookie)).body);
    expect(data.reports.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([before]);
    expect(data.federated_reports.map((f: { id: string }) => f.id)).toEqual([fed.id]);
    const done = await post('/account/delete', { _csrf: c.csrf, confirm: 'yes' }, { cookie: c.cookie });
    expect(done.headers.location).toBe('/account/deleted?requests=1');
    expect((await store.getRequest(J, before))?.reporter).toEqual({ email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null });
    expect(await store.federation.get(fed.id)).toMatchObject({ account_id: null, contact: { email: null } });
  });
});

describe('My reports, paged', () => {
  it('shows 20 reports a page, newest first, with links between the pages', async () => {
    const c = await signIn();
    const service = await store.getService(J, 'POTHOLE');
    if (!service) throw new Error('no POTHOLE service');
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      const r = await store.createRequest({
        jurisdiction_id: J, service_code: 'POTHOLE', with_token: false, description: `Hole ${i}`, address: null, address_id: null, zipcode: null,
        lat: CITY_HALL.lat, long: CITY_HALL.long, media_url: null, attributes: { LOCATION: 'bike_lane', SIZE: 'large' }, media: [], api_key_id: null, channel: 'api',
        requested_at: clock - DAY + i * 1000,
        reporter: { email: c.email, first_name: null, last_name: null, phone: null, device_id: null, account_id: c.accountId },
      });
      ids.push(r.id);
    }
    const rowsOf = (body: string) => [...body.matchAll(/<tr id="report-(\d+)">/g)].map((m) => m[1]);
    const first = (await get('/account', c.cookie)).body;
    expect(rowsOf(first)).toEqual(ids.slice(1).reverse());
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain('<a href="/account?page=2" rel="next">Older reports</a>');
    const second = (await get('/account?page=2', c.cookie)).body;
    expect(rowsOf(second)).toEqual([ids[0]]);
    expect(second).toContain('<a href="/account" rel="prev">Newer reports</a>');
    expect(rowsOf((await get('/account?page=99', c.cookie)).body)).toEqual([ids[0]]);
  });
});

describe('overdue reminders', () => {
  it('mails once per overdue request of an account with reminders on, with the way to stop them', async () => {
    const on = await signIn('reminded@example.org');
    const off = await signIn('not.reminded@example.org');
    const id = await report(on);
    await report(off);
    expect((await post('/account/reminders', { _csrf: off.csrf, reminders: 'off' }, { cookie: off.cookie })).headers.location).toBe('/account?done=reminders');
    expect((await store.citizens.getAccount(off.accountId))?.reminders).toBe(false);
    const expected = (await store.getRequest(J, id))?.expected_at ?? 0;
    const saved = clock;
    clock = expected + DAY;
    try {
      await sendOverdueReminders(web);
      await sendOverdueReminders(web);
    } finally {
      clock = saved;
    }
    const mails = (await store.listOutbox({ to: on.email, limit: 100 })).filter((m) => m.subject === `Request ${id} is overdue`);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`${SITE}/track/${id}`);
    expect(mails[0]?.text).toContain(`${SITE}/account#reminders`);
    expect((await store.listOutbox({ to: off.email, limit: 100 })).filter((m) => m.subject.includes('overdue'))).toEqual([]);
  });
});

describe('deleting an account', () => {
  it('needs the box ticked, then erases the contact data from the requests, the follows, the mail and the sessions', async () => {
    const c = await signIn('leaving@example.org');
    const id = await report(c);
    await post('/account/follow', { _csrf: c.csrf, jurisdiction_id: J, request_id: id }, { cookie: c.cookie });
    expect((await get('/account/delete', c.cookie)).body).toContain('id="delete-button"');
    const unticked = await post('/account/delete', { _csrf: c.csrf }, { cookie: c.cookie });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain('Tick the box to confirm');
    expect((await post('/account/delete', { confirm: 'yes' }, { cookie: c.cookie })).statusCode).toBe(403);

    const done = await post('/account/delete', { _csrf: c.csrf, confirm: 'yes' }, { cookie: c.cookie });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/deleted?requests=1');
    expect(cookieValue(done, ACCOUNT_COOKIE)?.value).toBe('');
    expect((await get(done.headers.location ?? '')).body).toContain('Your contact details were erased from 1 reports.');

    const r = await store.getRequest(J, id);
    expect(r?.reporter).toEqual({ email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null });
    expect(r?.description).toBe(REPORT.description);
    expect((await get(`/open311/v2/requests/${id}.json`)).statusCode).toBe(200);
    expect(await store.listConfirmedFollowers(J, id)).toEqual([]);
    expect(await store.listOutbox({ to: c.email, limit: 10 })).toEqual([]);
    expect((await get('/account', c.cookie)).statusCode).toBe(303);
    const [entry] = await store.listAudit({ actor: `citizen:${c.accountId}`, limit: 1 });
    expect(entry).toMatchObject({ action: 'account.delete', details: { requests: 1, follows: 1 } });
    expect(JSON.stringify(entry)).not.toContain(c.email);
  });
});
