/**
 * The contact centre (issue 15, item 1) without JavaScript: the `call-taker`
 * capability (granted by an admin, audited, checked on every route, within the
 * jurisdiction), the caller lookup by phone or e-mail, and the call form (errors
 * named per field with values kept, one request per form, channel `phone`,
 * attributed to the agent, the receipt only with consent). Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoredRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { hashPassword } from '../src/staff/auth/passwords.js';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { logSender } from '@o311/sms';
import { buildWebTestApp, cookieOf, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, parseCsv, redirectTo, seedRequest, summaryLinks, userId } from './support/back-office.js';
import { POTHOLE_REPORT } from './support/citizen-app.js';

const CALLER_PHONE = '+1 (515) 555-0142';
const CALLER_EMAIL = 'caller.42@example.org';
const OTHER_CITY = 'albany.example';
const OUTSIDER = 'outsider@albany.example';
const PASSWORD = 'contact-centre-password';

const formToken = (html: string): string => {
  const m = /name="form_token" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no form token on the page');
  return m[1]!;
};

const { service_code: _code, ...POTHOLE_FIELDS } = POTHOLE_REPORT;

describe.each(dialects)('the contact centre (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let agent: StaffAuth;
  let viewer: StaffAuth;
  let agentId: string;
  let earlier: StoredRequest;

  beforeAll(async () => {
    // With an SMS channel, so that a caller may be texted the receipt.
    t = await buildWebTestApp({ dialect, web: { sms: { provider: 'neutral', secret: 'call-taker-test-sms-secret', sender: logSender() } } });
    [admin, agent, viewer] = [await t.login('admin'), await t.login('agent'), await t.login('viewer')];
    agentId = await userId(t.store, 'agent');
    earlier = await seedRequest(t.store, {
      service_code: 'POTHOLE', address: '12 Elm St',
      reporter: { email: CALLER_EMAIL.toUpperCase(), first_name: 'Cal', last_name: 'Ler', phone: '515.555.0142', device_id: null, account_id: null },
    });
  }, 60_000);
  afterAll(() => t?.close());

  describe('the call-taker capability', () => {
    it('is refused (403) to an agent without it and to a viewer, on every route, and not offered in the menu', async () => {
      const count = async () => t.store.countInbox({ jurisdiction_id: (await demoJurisdiction(t.store)).id });
      const before = await count();
      for (const who of [agent, viewer]) {
        const page = await t.get('/staff/calls', who);
        expect(page.statusCode).toBe(403);
        if (who === agent) expect(page.body).toContain('does not allow taking calls for callers');
        expect((await t.get('/staff/calls/report/POTHOLE', who)).statusCode).toBe(403);
        expect((await t.postForm('/staff/calls/report/POTHOLE', { ...POTHOLE_FIELDS }, who)).statusCode).toBe(403);
        expect((await t.get(`/staff/calls/filed/${earlier.id}`, who)).statusCode).toBe(403);
      }
      expect((await t.get('/staff', agent)).body).not.toContain('href="/staff/calls"');
      expect(await count(), 'nothing filed').toBe(before);
    });

    it('is what admins have by their role', async () => {
      const page = await t.get('/staff/calls', admin);
      expect(page.statusCode).toBe(200);
      expect((await t.get('/staff', admin)).body).toContain('href="/staff/calls"');
    });

    it('is granted to an agent by an admin on the user page, audited', async () => {
      const form = await t.get(`/staff/users/${agentId}`, admin);
      expect(form.body).toMatch(/<input type="checkbox" id="edit-user-call_taker" name="call_taker" value="1" aria-describedby/);
      const saved = await t.postForm(`/staff/users/${agentId}`, { name: 'Agent Smith', role: 'agent', department: '', call_taker: '1' }, admin);
      expect(redirectTo(saved)).toContain('done=saved');
      expect((await t.store.getUser(agentId))?.call_taker).toBe(true);
      expect((await t.get('/staff/users', admin)).body).toContain('Agent, takes calls');
      const [audit] = await t.store.listAudit({ actor: await userId(t.store, 'admin'), limit: 5 });
      expect(audit).toMatchObject({ action: 'user.update', details: { user: agentId, call_taker: { from: false, to: true } } });
      expect((await t.get('/staff/calls', agent)).statusCode).toBe(200);
      expect((await t.get('/staff', agent)).body).toContain('href="/staff/calls"');
    });

    it('is refused to a viewer with the field named (400), not silently dropped', async () => {
      const viewerId = await userId(t.store, 'viewer');
      const res = await t.postForm(`/staff/users/${viewerId}`, { name: 'Viewer', role: 'viewer', department: '', call_taker: '1' }, admin);
      expect(res.statusCode).toBe(400);
      expect(summaryLinks(res.body)).toEqual(['edit-user-call_taker']);
      expect(res.body).toContain('A viewer cannot take calls');
      expect(res.body).toMatch(/id="edit-user-call_taker" name="call_taker" value="1" checked aria-invalid="true" aria-describedby="edit-user-call_taker-error edit-user-call_taker-hint"/);
      expect((await t.store.getUser(viewerId))?.call_taker).toBe(false);
      expect((await t.get('/staff/calls', viewer)).statusCode).toBe(403);
    });

    it('is offered on the create-user form: an agent created with it takes calls, a viewer is refused with the field named', async () => {
      const form = await t.get('/staff/users', admin);
      expect(form.body).toMatch(/<input type="checkbox" id="new-user-call_taker" name="call_taker" value="1" aria-describedby="new-user-call_taker-hint">/);
      const person = { name: 'New Caller', department: '', password: 'a-long-enough-password-42', call_taker: '1' };
      const refused = await t.postForm('/staff/users', { ...person, email: 'new.viewer@example.org', role: 'viewer' }, admin);
      expect(refused.statusCode).toBe(400);
      expect(summaryLinks(refused.body)).toEqual(['new-user-call_taker']);
      expect(await t.store.findUserByEmail('new.viewer@example.org')).toBeUndefined();
      const created = await t.postForm('/staff/users', { ...person, email: 'new.agent@example.org', role: 'agent' }, admin);
      expect(created.statusCode).toBe(303);
      expect((await t.store.findUserByEmail('new.agent@example.org'))?.call_taker).toBe(true);
    });

    it('reaches only the jurisdictions of the account: a call-taker of another city is refused here (404)', async () => {
      await t.store.saveJurisdiction({ id: OTHER_CITY, name: 'Albany', contact: 'Albany 311', key_service: 'Ask Albany', timezone: 'America/New_York' });
      await t.store.createUser({
        email: OUTSIDER, name: 'Outsider', role: 'agent', department_id: null, call_taker: true,
        password_hash: await hashPassword(PASSWORD), jurisdictions: [OTHER_CITY],
      });
      const res = await t.postForm('/staff/login', { email: OUTSIDER, password: PASSWORD });
      const secret = cookieOf(res, SESSION_COOKIE);
      const found = secret === undefined ? undefined : await t.store.findSession(secret);
      if (!found) throw new Error(`login as ${OUTSIDER} failed: ${res.statusCode}`);
      const outsider = { cookie: `${SESSION_COOKIE}=${secret}`, csrf: found.session.csrf_token };
      expect((await t.postForm('/staff/calls', { caller: CALLER_PHONE }, outsider)).statusCode).toBe(404);
      expect((await t.postForm('/staff/calls/report/POTHOLE', { ...POTHOLE_FIELDS }, outsider)).statusCode).toBe(404);
    });
  });

  describe('the caller lookup', () => {
    it('finds the caller\'s earlier requests by the phone number written another way', async () => {
      const res = await t.postForm('/staff/calls', { caller: CALLER_PHONE }, agent);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`href="/staff/requests/${earlier.id}"`);
      expect(res.body).toContain('12 Elm St');
    });

    it('finds them by e-mail whatever its case, with the requests the caller follows', async () => {
      const followed = await seedRequest(t.store, {
        service_code: 'GRAFFITI', reporter: { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null },
      });
      const j = await demoJurisdiction(t.store);
      const { confirmSecret } = await t.store.addFollower({ jurisdiction_id: j.id, request_id: followed.id, email: CALLER_EMAIL, locale: 'en', at: Date.now() });
      await t.store.confirmFollower(confirmSecret, Date.now());
      const res = await t.postForm('/staff/calls', { caller: 'Caller.42@Example.org' }, agent);
      expect(res.body).toContain(`href="/staff/requests/${earlier.id}"`);
      expect(res.body).toContain('Requests they follow');
      expect(res.body).toContain(`href="/staff/requests/${followed.id}"`);
    });

    it('is audited: who looked up, when, in which jurisdiction, by which kind of contact; never the number or address', async () => {
      const j = await demoJurisdiction(t.store);
      const since = Date.now();
      await t.postForm('/staff/calls', { caller: CALLER_PHONE }, agent);
      await t.postForm('/staff/calls', { caller: CALLER_EMAIL }, agent);
      const lookups = (await t.store.listAudit({ actor: agentId, limit: 20 })).filter((e) => e.action === 'caller.lookup' && e.at >= since);
      expect(lookups.map((e) => e.details['contact_kind']).sort()).toEqual(['email', 'phone']);
      for (const e of lookups) {
        expect(e).toMatchObject({ actor: agentId, jurisdiction_id: j.id, details: { channel: 'web' } });
        const written = JSON.stringify(e);
        for (const secret of ['0142', '515', 'caller.42', 'example.org']) expect(written).not.toContain(secret);
      }
      const page = await t.get('/staff/audit', admin);
      expect(page.body).toContain('caller.lookup');
    });

    it('shows nothing of another caller whose number shares only its last seven digits', async () => {
      const res = await t.postForm('/staff/calls', { caller: '+1 641 555 0142' }, agent);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('No earlier request of this caller.');
      expect(res.body).not.toContain(`href="/staff/requests/${earlier.id}"`);
    });

    it('names what cannot be a phone number or an e-mail address at its field (400), the value kept', async () => {
      const res = await t.postForm('/staff/calls', { caller: 'call me', service: 'POTHOLE' }, agent);
      expect(res.statusCode).toBe(400);
      expect(summaryLinks(res.body)).toEqual(['call-caller']);
      expect(res.body).toContain('value="call me"');
    });

    it('lists the services matching a keyword, named ones first and the first focused, each opening the form started with the caller', async () => {
      const res = await t.postForm('/staff/calls', { caller: CALLER_PHONE, q: 'light' }, agent);
      // Streetlight and Traffic signal name "light" (their keywords); Pothole only through its group "Streets & Lighting".
      expect(res.body).toMatch(/<button type="submit" name="service" value="STREETLIGHT" class="inbox-link-button" autofocus>/);
      const order = [...res.body.matchAll(/name="service" value="([A-Z_]+)"/g)].map((m) => m[1]);
      expect(order.slice(0, 2)).toEqual(['STREETLIGHT', 'TRAFFIC_SIGNAL']);
      expect(order).toContain('POTHOLE');
      expect(order.indexOf('POTHOLE')).toBeGreaterThan(1);
      // The caller's number travels in the form, never in a link (the browser's history, the server's logs).
      expect(res.body).not.toMatch(/href="[^"]*(caller=|515)/);
      const form = await t.postForm('/staff/calls', { caller: CALLER_PHONE, q: 'pothole', service: 'POTHOLE' }, agent);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('action="/staff/calls/report/POTHOLE"');
      expect(form.body).toMatch(new RegExp(`name="phone" autocomplete="off" maxlength="\\d+" value="${CALLER_PHONE.replace(/[()+]/g, '\\$&')}"`));
      expect((await t.postForm('/staff/calls', { caller: CALLER_PHONE, service: 'NO_SUCH' }, agent)).statusCode).toBe(404);
    });

    it('opens the form of the one service a keyword names, in any language, whatever the agent\'s (Enter in the search)', async () => {
      const res = await t.postForm('/staff/calls', { caller: CALLER_PHONE, q: 'bache' }, agent);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('action="/staff/calls/report/POTHOLE"');
      expect(res.body).toContain('Pothole');
      // A fresh form: its first field has the focus, not the page (a keyboard agent is not sent through the menu).
      expect(res.body).toMatch(/name="first_name" autocomplete="off" maxlength="\d+" value="" autofocus/);
      const french = await t.postForm('/staff/calls', { q: 'lampadaire' }, agent);
      expect(french.body).toContain('action="/staff/calls/report/STREETLIGHT"');
    });
  });

  describe('the call form', () => {
    it('names each problem at its field with the values kept, and files nothing', async () => {
      const before = (await t.store.listAudit({ actor: agentId, limit: 100 })).length;
      const form = await t.get('/staff/calls/report/POTHOLE', agent);
      const res = await t.postForm('/staff/calls/report/POTHOLE', {
        form_token: formToken(form.body), first_name: 'Ann', phone: CALLER_PHONE, lat: POTHOLE_FIELDS.lat, long: POTHOLE_FIELDS.long,
        'attribute[LOCATION]': 'travel_lane', receipt_email: '1',
      }, agent);
      expect(res.statusCode).toBe(400);
      expect(summaryLinks(res.body)).toEqual(['attr-SIZE', 'call-receipt-email']);
      expect(res.body).toContain('value="Ann"');
      expect(res.body).toMatch(/id="call-receipt-email" value="1" checked/);
      expect((await t.store.listAudit({ actor: agentId, limit: 100 })).length).toBe(before);
    });

    it('finds a typed address without JavaScript: the places found to choose, then the point used, the values kept', async () => {
      const before = await t.store.countInbox({ jurisdiction_id: (await demoJurisdiction(t.store)).id });
      const form = await t.get('/staff/calls/report/POTHOLE', agent);
      const typed = { form_token: formToken(form.body), first_name: 'Ann', address_string: '226 Main St' };
      const found = await t.postForm('/staff/calls/report/POTHOLE', { ...typed, geocode: 'find' }, agent);
      expect(found.statusCode).toBe(200);
      const pick = /name="geocode_pick" id="geocode-pick-0" value="([^"]+)"/.exec(found.body)?.[1];
      expect(pick, 'a place found').toMatch(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/);
      const used = await t.postForm('/staff/calls/report/POTHOLE', { ...typed, geocode: 'use', geocode_pick: pick! }, agent);
      expect(used.statusCode).toBe(200);
      expect(used.body).toContain(`name="lat" step="any" min="-90" max="90" inputmode="decimal" value="${pick!.split(',')[0]}"`);
      expect(used.body).toContain('value="Ann"');
      expect(await t.store.countInbox({ jurisdiction_id: (await demoJurisdiction(t.store)).id }), 'nothing filed').toBe(before);
    });

    it('names why a save with an address and no point saved nothing: the summary, focused, points at the places found', async () => {
      const before = await t.store.countInbox({ jurisdiction_id: (await demoJurisdiction(t.store)).id });
      const form = await t.get('/staff/calls/report/POTHOLE', agent);
      const { lat: _lat, long: _long, ...noPoint } = POTHOLE_FIELDS;
      const res = await t.postForm('/staff/calls/report/POTHOLE', { ...noPoint, form_token: formToken(form.body), address_string: '226 Main St' }, agent);
      expect(res.statusCode).toBe(400);
      expect(summaryLinks(res.body)).toEqual(['geocode-pick-0']);
      expect(res.body).toContain('Nothing was saved yet: choose one of the places found for “226 Main St”');
      expect(res.body).toMatch(/class="svc-error-summary" role="alert" tabindex="-1" autofocus/);
      expect(res.body).toContain('id="geocode-pick-0"');
      expect(await t.store.countInbox({ jurisdiction_id: (await demoJurisdiction(t.store)).id }), 'nothing filed').toBe(before);
    });

    it('files one request by phone for the caller, attributed to the agent, however often the form is sent', async () => {
      const form = await t.get('/staff/calls/report/POTHOLE', agent);
      const fields = {
        ...POTHOLE_FIELDS, form_token: formToken(form.body), first_name: 'Ann', last_name: 'Caller', phone: CALLER_PHONE,
        email: 'ann.caller@example.org', caller_locale: 'es', receipt_email: '1', receipt_sms: '1',
      };
      const first = redirectTo(await t.postForm('/staff/calls/report/POTHOLE', fields, agent));
      const again = redirectTo(await t.postForm('/staff/calls/report/POTHOLE', fields, agent));
      expect(again).toBe(first);
      const id = /\/staff\/calls\/filed\/(\d+)$/.exec(first)![1]!;
      const j = await demoJurisdiction(t.store);
      const filed = await t.store.getRequest(j.id, id);
      expect(filed).toMatchObject({ channel: 'phone', service_code: 'POTHOLE', reporter: { first_name: 'Ann', phone: CALLER_PHONE } });
      const audits = (await t.store.listAudit({ request_id: id, limit: 10 })).filter((e) => e.action === 'request.create');
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actor: agentId, details: { received_by: 'phone', receipt_by: ['email', 'sms'] } });

      const page = await t.get(first, agent);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<p class="call-number" id="call-number" aria-labelledby="call-number-label">${id}</p>`);
      expect(page.body).toMatch(/<a class="button" href="\/staff\/calls" id="call-next" autofocus>/);
      expect(page.body, 'this number did not say STOP').not.toContain('id="call-sms-stopped"');
      // The page of a request that did not come by phone is not one to read out.
      expect(earlier.channel).not.toBe('phone');
      expect((await t.get(`/staff/calls/filed/${earlier.id}`, agent)).statusCode).toBe(404);

      // The receipt, in the caller's language, because they agreed to it.
      const [mail] = await vi.waitFor(async () => {
        const mails = await t.store.listOutbox({ to: 'ann.caller@example.org', limit: 5 });
        expect(mails).toHaveLength(1);
        return mails;
      }, { timeout: 10_000, interval: 20 });
      expect(mail!.text).toContain(id);
      // And by SMS, to the number in its international form.
      const [text] = await t.store.sms.messagesOf(j.id, '+15155550142', 5);
      expect(text).toMatchObject({ direction: 'out' });
      expect(text!.body).toContain(id);
    });

    it('files nothing without the form\'s one-time token, and gives the form back with a fresh one', async () => {
      const before = await t.store.countInbox({ jurisdiction_id: (await demoJurisdiction(t.store)).id });
      const res = await t.postForm('/staff/calls/report/POTHOLE', { ...POTHOLE_FIELDS, first_name: 'Tokenless' }, agent);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('the form came without its one-time token');
      expect(res.body).toContain('value="Tokenless"');
      expect(formToken(res.body)).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(await t.store.countInbox({ jurisdiction_id: (await demoJurisdiction(t.store)).id }), 'nothing filed').toBe(before);
    });

    it('tells the agent on the number page that no text went to a number that said STOP', async () => {
      const j = await demoJurisdiction(t.store);
      await t.store.sms.optOut(j.id, '+15155550177', Date.now());
      const form = await t.get('/staff/calls/report/POTHOLE', agent);
      expect(form.body).toContain('The caller agrees to get the request number by text message (SMS)');
      const done = redirectTo(await t.postForm('/staff/calls/report/POTHOLE', {
        ...POTHOLE_FIELDS, form_token: formToken(form.body), phone: '+1 515 555 0177', receipt_sms: '1',
      }, agent));
      const page = await t.get(done, agent);
      expect(page.body).toContain('No text message was sent: this number said STOP to our texts.');
      expect(await t.store.sms.messagesOf(j.id, '+15155550177', 5)).toEqual([]);
    });

    it('asks for an international number to send the receipt by SMS', async () => {
      const form = await t.get('/staff/calls/report/POTHOLE', agent);
      const res = await t.postForm('/staff/calls/report/POTHOLE', {
        ...POTHOLE_FIELDS, form_token: formToken(form.body), phone: '515 555 0142', receipt_sms: '1',
      }, agent);
      expect(res.statusCode).toBe(400);
      expect(summaryLinks(res.body)).toEqual(['call-receipt-sms']);
      expect(res.body).toContain('with its country code');
    });

    it('sends no receipt without the caller\'s consent', async () => {
      const form = await t.get('/staff/calls/report/POTHOLE', agent);
      const done = redirectTo(await t.postForm('/staff/calls/report/POTHOLE', {
        ...POTHOLE_FIELDS, form_token: formToken(form.body), email: 'no.receipt@example.org',
      }, agent));
      const id = /(\d+)$/.exec(done)![1]!;
      const j = await demoJurisdiction(t.store);
      expect((await t.store.getRequest(j.id, id))?.reporter.email).toBe('no.receipt@example.org');
      // The filing answered after queuing whatever it queues; nothing was queued for this address.
      expect(await t.store.listOutbox({ to: 'no.receipt@example.org', limit: 5 })).toEqual([]);
    });
  });
});

describe('the channel of requests (SQLite)', () => {
  let t: WebTestApp;
  let agent: StaffAuth;
  let byPhone: StoredRequest;
  let bySms: StoredRequest;
  let byWeb: StoredRequest;

  beforeAll(async () => {
    t = await buildWebTestApp();
    agent = await t.login('agent');
    byPhone = await seedRequest(t.store, { service_code: 'POTHOLE', channel: 'phone' });
    bySms = await seedRequest(t.store, { service_code: 'POTHOLE', channel: 'sms' });
    byWeb = await seedRequest(t.store, { service_code: 'POTHOLE', channel: 'web' });
  }, 60_000);
  afterAll(() => t?.close());

  const linkedIds = (html: string): string[] => [...html.matchAll(/<th scope="row"><a href="\/staff\/requests\/(\d+)">/g)].map((m) => m[1]!);

  it('filters the inbox by channel, kept in the form, the CSV link and saved filters', async () => {
    const res = await t.get('/staff?status=all&channel=phone&channel=sms', agent);
    expect(res.statusCode).toBe(200);
    const ids = linkedIds(res.body);
    expect(ids).toEqual(expect.arrayContaining([byPhone.id, bySms.id]));
    expect(ids).not.toContain(byWeb.id);
    expect(res.body).toMatch(/name="channel" value="phone" checked/);
    expect(res.body).toContain('href="/staff/requests.csv?status=all&amp;channel=phone&amp;channel=sms"');
    const saved = await t.postForm('/staff/filters', { name: 'By phone', query: 'status=all&channel=phone' }, agent);
    expect(redirectTo(saved)).toBe('/staff?status=all&channel=phone&done=filter-saved');
    const csv = await t.get('/staff/requests.csv?status=all&channel=phone', agent);
    expect(csv.body).toContain(`\n${byPhone.id},`);
    expect(csv.body).not.toContain(`\n${byWeb.id},`);
  });

  it('names the channel of each request in the inbox rows (translated) and in a CSV column', async () => {
    const rowOf = (html: string, id: string): string => html.slice(html.indexOf(`href="/staff/requests/${id}"`)).split('</tr>')[0]!;
    const page = await t.get('/staff?status=all', agent);
    // Under the service name, not a column of its own (the table must fit 1,280 px with the filters open).
    expect(page.body).not.toContain('<th scope="col">Channel</th>');
    expect(rowOf(page.body, byPhone.id)).toContain('<span class="inbox-channel inbox-channel-phone">Phone</span>');
    expect(rowOf(page.body, bySms.id)).toContain('>SMS</span>');
    const spanish = await t.get('/staff?status=all&lang=es', agent);
    expect(rowOf(spanish.body, byPhone.id)).toMatch(/<span class="inbox-channel inbox-channel-phone">(?!Phone<)[^<]+<\/span>/);
    const [header, ...rows] = parseCsv((await t.get('/staff/requests.csv?status=all', agent)).body);
    const column = header!.indexOf('channel');
    expect(column).toBeGreaterThan(-1);
    const channelOf = (id: string): string | undefined => rows.find((r) => r[0] === id)?.[column];
    expect([channelOf(byPhone.id), channelOf(bySms.id), channelOf(byWeb.id)]).toEqual(['phone', 'sms', 'web']);
  });

  it('narrows the dashboard of this server\'s requests by channel', async () => {
    const j = await demoJurisdiction(t.store);
    const today = new Date().toISOString().slice(0, 10);
    const range = `from=${Number(today.slice(0, 4)) - 4}${today.slice(4)}&to=${today}`;
    const total = async (query: string): Promise<number> => {
      const res = await t.get(`/dashboard/api/${encodeURIComponent(`local:${j.id}`)}/view?${range}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return JSON.parse(res.body).total as number;
    };
    const phones = await t.store.countInbox({ jurisdiction_id: j.id, channels: ['phone'] });
    expect(phones).toBeGreaterThan(0);
    // The first answer starts the source's rebuild from the requests; the figures are whole once it is done.
    await vi.waitFor(async () => expect(await total('')).toBe(await t.store.countInbox({ jurisdiction_id: j.id })), { timeout: 20_000, interval: 50 });
    expect(await total('&channel=phone')).toBe(phones);
    const others = await total('&channel=web&channel=api&channel=email&channel=sms&channel=app');
    expect(phones + others).toBe(await total(''));
    const page = await t.get(`/dashboard?${range}&channel=phone`);
    expect(page.body).toMatch(/<option value="phone" selected>Phone<\/option>/);
  });

  it('offers no SMS receipt on a server that does not text', async () => {
    const form = await t.get('/staff/calls/report/POTHOLE', await t.login('admin'));
    expect(form.body).toContain('name="receipt_email"');
    expect(form.body).not.toContain('name="receipt_sms"');
  });

  it('shows the channel on the staff request page', async () => {
    const res = await t.get(`/staff/requests/${byPhone.id}`, agent);
    expect(res.body).toContain('<dt>Channel</dt><dd>Phone</dd>');
  });

  it('filters the staff API request list by channel, and refuses an unknown channel (400)', async () => {
    const { secret } = await t.store.createStaffToken({ name: 'channel test', role: 'viewer', jurisdictions: [(await demoJurisdiction(t.store)).id] });
    const api = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/requests?${query}`, headers: { authorization: `Bearer ${secret}` } });
    const res = await api('channel=sms,phone&page_size=500');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { id: string; channel: string }[] }>().items;
    const j = await demoJurisdiction(t.store);
    const expected = await t.store.listInbox({ jurisdiction_id: j.id, channels: ['sms', 'phone'], limit: 500, offset: 0 });
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([byPhone.id, bySms.id]));
    expect(items.map((i) => i.id)).not.toContain(byWeb.id);
    expect(new Set(items.map((i) => i.channel))).toEqual(new Set(['sms', 'phone']));
    expect((await api('channel=pigeon')).statusCode).toBe(400);
  });
});
