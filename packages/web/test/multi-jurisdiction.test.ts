/**
 * Two cities on one server (issue 8, item 8): Riverton (the demo city, primary)
 * and Albany, added later, whose id sorts first. An agent and an admin of each,
 * plus a global admin, in the web back office and on the staff API; each
 * reproduction of the issue is a test. Both dialects.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@o311/server';
import { GLOBAL_SCOPE, type JurisdictionScope, type StaffRole, type Store } from '@o311/store';
import { webPlugin } from '@o311/web';
import { dialects } from '../../../test-support/databases.js';
import { emptyRequestDetails } from '../../../test-support/request-details.js';
import { hashPassword } from '../src/staff/auth/passwords.js';
import { buildWebTestApp, cookieOf, type StaffAuth, type WebTestApp } from './support/app.js';
import { parseCsv, seedRequest } from './support/back-office.js';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';

const RIVERTON = 'riverton.example';
const ALBANY = 'albany.example';
const ALBANY_REPORTER = 'reporter@albany.example';
const PASSWORD = 'two-cities-password';

async function addAlbany(store: Store): Promise<string> {
  await store.saveJurisdiction({ id: ALBANY, name: 'Albany', contact: 'Albany 311', key_service: 'Ask Albany', timezone: 'America/New_York' });
  const [template] = await store.listServices(RIVERTON);
  if (!template) throw new Error('the demo city has no service');
  await store.saveService({ ...template, jurisdiction_id: ALBANY, service_code: 'ALB-SNOW', service_name: 'Albany snow plowing' });
  const request = await store.createRequest({
    ...emptyRequestDetails(),
    jurisdiction_id: ALBANY, service_code: 'ALB-SNOW', with_token: false, media: [], api_key_id: null, channel: 'api',
    description: 'Albany: street not plowed',
    reporter: { email: ALBANY_REPORTER, first_name: 'Al', last_name: 'Bany', phone: null, device_id: null, account_id: null },
  });
  return request.id;
}

async function addUser(store: Store, email: string, role: StaffRole, jurisdictions: JurisdictionScope): Promise<void> {
  await store.createUser({ email, name: email, role, department_id: null, password_hash: await hashPassword(PASSWORD), jurisdictions });
}

async function login(t: WebTestApp, email: string): Promise<StaffAuth> {
  const res = await t.postForm('/staff/login', { email, password: PASSWORD });
  const secret = cookieOf(res, SESSION_COOKIE);
  if (res.statusCode !== 303 || secret === undefined) throw new Error(`login as ${email} failed: ${res.statusCode}`);
  const found = await t.store.findSession(secret);
  if (!found) throw new Error(`login as ${email}: no session`);
  return { cookie: `${SESSION_COOKIE}=${secret}`, csrf: found.session.csrf_token };
}

describe.each(dialects)('two jurisdictions on one server (%s)', (dialect) => {
  let t: WebTestApp;
  let albanyRequest: string;
  let rivertonRequest: string;
  const staff: Record<string, StaffAuth> = {};
  const tokens: Record<string, string> = {};

  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    rivertonRequest = (await seedRequest(t.store, {
      jurisdiction_id: RIVERTON,
      service_code: (await t.store.listServices(RIVERTON))[0]!.service_code,
      reporter: { email: 'reporter@riverton.example', first_name: null, last_name: null, phone: null, device_id: null, account_id: null },
    })).id;
    albanyRequest = await addAlbany(t.store);
    const people: [string, StaffRole, JurisdictionScope][] = [
      ['agent@r.example', 'agent', [RIVERTON]],
      ['admin@r.example', 'admin', [RIVERTON]],
      ['agent@a.example', 'agent', [ALBANY]],
      ['admin@a.example', 'admin', [ALBANY]],
      ['root@example.org', 'admin', GLOBAL_SCOPE],
    ];
    for (const [email, role, scope] of people) {
      await addUser(t.store, email, role, scope);
      staff[email] = await login(t, email);
      tokens[email] = (await t.store.createStaffToken({ name: email, role, jurisdictions: scope })).secret;
    }
  });
  afterAll(() => t.close());

  describe('the GeoReport API', () => {
    it("answers the primary city's requests and services without jurisdiction_id", async () => {
      const one = await t.get(`/open311/v2/requests/${rivertonRequest}.json`);
      expect(one.statusCode, one.body).toBe(200);
      const services = await t.get('/open311/v2/services.json');
      expect(services.statusCode).toBe(200);
      expect(services.body).not.toContain('Albany snow plowing');
      expect((await t.get(`/open311/v2/requests/${albanyRequest}.json`)).statusCode).toBe(404);
      expect((await t.get(`/open311/v2/requests/${albanyRequest}.json?jurisdiction_id=${ALBANY}`)).statusCode).toBe(200);
      expect((await t.get('/open311/v2/services.json?jurisdiction_id=nowhere.example')).statusCode).toBe(404);
    });
  });

  describe('the citizen app', () => {
    it("lists the primary city's services only", async () => {
      const home = await t.get('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).not.toContain('Albany snow plowing');
    });
  });

  describe('the web back office (serving Riverton)', () => {
    it("does not let Riverton's agent open or comment on Albany's request", async () => {
      const agent = staff['agent@r.example']!;
      expect((await t.get(`/staff/requests/${albanyRequest}`, agent)).statusCode).toBe(404);
      const comment = await t.postForm(`/staff/requests/${albanyRequest}/comment`, { comment: 'seen', visibility: 'internal' }, agent);
      expect(comment.statusCode).toBe(404);
      const update = await t.postForm(`/staff/requests/${albanyRequest}/update`, { status: 'closed', comment: 'seen', visibility: 'internal', priority: 'normal' }, agent);
      expect(update.statusCode).toBe(404);
      const events = await t.store.listEvents(ALBANY, albanyRequest, { includeInternal: true });
      expect(events.filter((e) => e.type === 'comment')).toEqual([]);
      expect((await t.get(`/staff/requests/${rivertonRequest}`, agent)).statusCode).toBe(200);
    });

    it("offers and accepts only Riverton's staff as assignees", async () => {
      const albanyAgent = (await t.store.findUserByEmail('agent@a.example'))!;
      const page = await t.get(`/staff/requests/${rivertonRequest}`, staff['agent@r.example']);
      expect(page.body).toContain('agent@r.example');
      expect(page.body).not.toContain('agent@a.example');
      const assign = await api('POST', `/requests/${rivertonRequest}/triage`, tokens['agent@r.example']!, { assigned_user_id: albanyAgent.id });
      expect(assign.statusCode).toBe(400);
      const form = await t.postForm(`/staff/requests/${rivertonRequest}/update`, { status: 'open', agent: albanyAgent.id, priority: 'normal' }, staff['agent@r.example']);
      expect(form.statusCode).toBe(400);
      expect((await t.store.getTriagedRequest(RIVERTON, rivertonRequest))?.assigned_user_id).toBeNull();
    });

    it("exports Riverton's requests only: no Albany reporter data in the CSV", async () => {
      const res = await t.get('/staff/requests.csv', staff['agent@r.example']);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(ALBANY_REPORTER);
      expect(res.body).toContain('reporter@riverton.example');
      expect(parseCsv(res.body).length).toBeGreaterThan(1);
    });

    it("turns away Albany's staff with a 404, whatever the page", async () => {
      for (const who of ['agent@a.example', 'admin@a.example']) {
        expect((await t.get('/staff', staff[who])).statusCode, who).toBe(404);
        expect((await t.get('/staff/requests.csv', staff[who])).statusCode, who).toBe(404);
        expect((await t.get(`/staff/requests/${albanyRequest}`, staff[who])).statusCode, who).toBe(404);
      }
      expect((await t.get('/staff', staff['root@example.org'])).statusCode).toBe(200);
    });

    it("lists to Riverton's admin only the users of Riverton", async () => {
      const page = await t.get('/staff/users', staff['admin@r.example']);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('agent@r.example');
      expect(page.body).not.toContain('agent@a.example');
      expect(page.body).not.toContain('root@example.org');
      const all = await t.get('/staff/users', staff['root@example.org']);
      expect(all.body).toContain('agent@a.example');
    });

    it("lets Riverton's admin manage Riverton's accounts only, and grant no more than Riverton", async () => {
      const admin = staff['admin@r.example']!;
      const albanyAgent = (await t.store.findUserByEmail('agent@a.example'))!;
      expect((await t.get(`/staff/users/${albanyAgent.id}`, admin)).statusCode).toBe(404);
      const reset = await t.postForm(`/staff/users/${albanyAgent.id}/password`, { password: 'a-new-long-password' }, admin);
      expect(reset.statusCode).toBe(404);
      expect((await t.store.findUserByEmail('agent@a.example'))?.password_hash).toBe(albanyAgent.password_hash);

      const user = { name: 'New', role: 'agent', department: '', password: 'a-long-enough-password' };
      const beyond = await t.postForm('/staff/users', { ...user, email: 'beyond@r.example', scope: '1', jurisdiction: ALBANY }, admin);
      expect(beyond.statusCode).toBe(400);
      expect(await t.store.findUserByEmail('beyond@r.example')).toBeUndefined();
      const made = await t.postForm('/staff/users', { ...user, email: 'new@r.example' }, admin);
      expect(made.statusCode, made.body.slice(0, 500)).toBe(303);
      expect((await t.store.findUserByEmail('new@r.example'))?.jurisdictions).toEqual([RIVERTON]);

      const root = staff['root@example.org']!;
      const agent = (await t.store.findUserByEmail('new@r.example'))!;
      const both = new URLSearchParams({ _csrf: root.csrf, name: 'New', role: 'agent', department: '', scope: '1' });
      both.append('jurisdiction', RIVERTON);
      both.append('jurisdiction', ALBANY);
      const saved = await t.app.inject({
        method: 'POST', url: `/staff/users/${agent.id}`, payload: both.toString(),
        headers: { cookie: root.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
      expect((await t.store.getUser(agent.id))?.jurisdictions).toEqual([RIVERTON, ALBANY]);
      // Now beyond Riverton's admin: out of sight.
      expect((await t.get(`/staff/users/${agent.id}`, admin)).statusCode).toBe(404);
    });

    it("shows Riverton's admin the audit of Riverton only", async () => {
      const comment = await api('POST', `/requests/${albanyRequest}/comments`, tokens['agent@a.example']!, { text: 'on it', public: false });
      expect(comment.statusCode, comment.body).toBe(200);
      const link = `/staff/requests/${albanyRequest}`;
      expect((await t.get('/staff/audit', staff['root@example.org'])).body).toContain(link);
      const scoped = await t.get('/staff/audit', staff['admin@r.example']);
      expect(scoped.statusCode).toBe(200);
      expect(scoped.body).not.toContain(link);
    });

    it('keeps API keys, which serve every jurisdiction, to global admins', async () => {
      expect((await t.get('/staff/keys', staff['admin@r.example'])).statusCode).toBe(403);
      expect((await t.get('/staff/keys', staff['root@example.org'])).statusCode).toBe(200);
    });
  });

  describe('a back office bound to Albany (serve --jurisdiction)', () => {
    it("serves Albany's staff and turns away Riverton's", async () => {
      const albanyApp = await buildApp({ store: t.store, plugins: [webPlugin({ secureCookies: false, jurisdictionId: ALBANY })], homePath: '/developers' });
      try {
        const get = (url: string, who: string) => albanyApp.inject({ method: 'GET', url, headers: { cookie: staff[who]!.cookie } });
        expect((await get(`/staff/requests/${albanyRequest}`, 'agent@a.example')).statusCode).toBe(200);
        expect((await get(`/staff/requests/${albanyRequest}`, 'agent@r.example')).statusCode).toBe(404);
        const csv = await get('/staff/requests.csv', 'agent@a.example');
        expect(csv.body).toContain(ALBANY_REPORTER);
        expect(csv.body).not.toContain('reporter@riverton.example');
        const home = await albanyApp.inject({ method: 'GET', url: '/' });
        expect(home.body).toContain('Albany snow plowing');
      } finally {
        await albanyApp.close();
      }
    });
  });

  describe('the staff API', () => {
    it("does not let Riverton's agent read, comment on or change Albany's request", async () => {
      const token = tokens['agent@r.example']!;
      expect((await api('GET', `/requests/${albanyRequest}?jurisdiction_id=${ALBANY}`, token)).statusCode).toBe(404);
      expect((await api('GET', `/requests?jurisdiction_id=${ALBANY}`, token)).statusCode).toBe(404);
      const comment = await api('POST', `/requests/${albanyRequest}/comments`, token, { jurisdiction_id: ALBANY, text: 'x', public: false });
      expect(comment.statusCode).toBe(404);
      const status = await api('POST', `/requests/${albanyRequest}/status`, token, { jurisdiction_id: ALBANY, status: 'closed' });
      expect(status.statusCode).toBe(404);
      expect((await t.store.getRequest(ALBANY, albanyRequest))?.status).toBe('open');
      const mine = await api('GET', '/requests', token);
      expect(mine.statusCode).toBe(200);
      expect(mine.body).not.toContain(ALBANY_REPORTER);
    });

    it("serves Albany's agent its own city without jurisdiction_id", async () => {
      const token = tokens['agent@a.example']!;
      const list = await api('GET', '/requests', token);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual([albanyRequest]);
      expect((await api('GET', `/requests/${albanyRequest}`, token)).statusCode).toBe(200);
      expect((await api('GET', `/requests/${rivertonRequest}?jurisdiction_id=${RIVERTON}`, token)).statusCode).toBe(404);
    });

    it("keeps Albany's admin within Albany: jurisdictions, services, tokens, keys", async () => {
      const token = tokens['admin@a.example']!;
      expect((await api('GET', '/jurisdictions', token)).json<{ id: string }[]>().map((j) => j.id)).toEqual([ALBANY]);
      expect((await api('GET', `/jurisdictions/${RIVERTON}`, token)).statusCode).toBe(404);
      expect((await api('GET', `/jurisdictions/${RIVERTON}/services`, token)).statusCode).toBe(404);
      const renamed = await api('PUT', `/jurisdictions/${RIVERTON}`, token, { name: 'Mine now', contact: 'x', key_service: 'x', timezone: 'UTC' });
      expect(renamed.statusCode).toBe(404);
      expect((await t.store.getJurisdiction(RIVERTON))?.name).not.toBe('Mine now');
      expect((await api('POST', '/jurisdictions', token, { id: 'new.example', name: 'N', contact: 'x', key_service: 'x', timezone: 'UTC' })).statusCode).toBe(403);
      expect((await api('GET', '/api-keys', token)).statusCode).toBe(403);

      expect((await api('POST', '/staff-tokens', token, { name: 'g', role: 'admin', jurisdictions: 'global' })).statusCode).toBe(403);
      expect((await api('POST', '/staff-tokens', token, { name: 'r', role: 'agent', jurisdictions: [RIVERTON] })).statusCode).toBe(400);
      const minted = await api('POST', '/staff-tokens', token, { name: 'bot', role: 'agent' });
      expect(minted.statusCode, minted.body).toBe(201);
      expect(minted.json<{ token: { jurisdictions: unknown } }>().token.jurisdictions).toEqual([ALBANY]);
      const listed = (await api('GET', '/staff-tokens', token)).json<{ name: string; jurisdictions: unknown }[]>();
      expect(listed.every((x) => JSON.stringify(x.jurisdictions) === JSON.stringify([ALBANY]))).toBe(true);
      const rivertons = (await t.store.listStaffTokens([RIVERTON]))[0]!;
      expect((await api('DELETE', `/staff-tokens/${rivertons.id}`, token)).statusCode).toBe(404);
      expect((await t.store.listStaffTokens([RIVERTON]))[0]?.revoked_at).toBeNull();
    });

    it('lets a global admin see both cities and choose the primary one (never blindly the first)', async () => {
      const token = tokens['root@example.org']!;
      expect((await api('GET', '/jurisdictions', token)).json<{ id: string }[]>().map((j) => j.id)).toEqual([ALBANY, RIVERTON]);
      expect((await api('GET', '/primary-jurisdiction', token)).json<{ id: string }>().id).toBe(RIVERTON);
      expect((await api('PUT', '/primary-jurisdiction', tokens['admin@r.example']!, { id: RIVERTON })).statusCode).toBe(403);
      expect((await api('DELETE', `/jurisdictions/${RIVERTON}`, token)).statusCode).toBe(409);
      const me = await api('GET', '/me', token);
      expect(me.json<{ jurisdictions: unknown }>().jurisdictions).toBe('global');

      // The choice moves plain GeoReport calls, and the web apps without --jurisdiction, with it.
      const moved = await api('PUT', '/primary-jurisdiction', token, { id: ALBANY });
      expect(moved.statusCode, moved.body).toBe(200);
      try {
        expect((await t.get('/open311/v2/services.json')).body).toContain('Albany snow plowing');
        expect((await t.get('/')).body).toContain('Albany snow plowing');
      } finally {
        expect((await api('PUT', '/primary-jurisdiction', token, { id: RIVERTON })).statusCode).toBe(200);
      }
    });
  });
});
