/**
 * Every staff change of a request is audited exactly once, whichever channel
 * made it: the staff API (`/api/v1`, a staff token) or the web back office
 * (a signed-in user). Both dialects.
 */
import type { AuditEntry, StoredRequest } from '@o311/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, redirectTo, seedRequest } from './support/back-office.js';

/** `YYYY-MM-DDTHH:MM` in a zone, as the triage form shows it. */
const localInput = (ms: number, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(ms).replace(' ', 'T');

describe.each(dialects)('one audit entry per change (%s)', (dialect) => {
  let t: WebTestApp;
  let agent: StaffAuth;
  let token: { id: string; secret: string };
  let r: StoredRequest;
  let original: StoredRequest;

  const api = (path: string, body: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/${path}`, headers: { authorization: `Bearer ${token.secret}` }, payload: body as object });
  const web = (action: string, fields: Record<string, string>) => t.postForm(`/staff/requests/${r.id}/${action}`, fields, agent);
  const entries = (): Promise<AuditEntry[]> => t.store.listAudit({ request_id: r.id, limit: 50 });

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    agent = await t.login('agent');
    const created = await t.store.createStaffToken({ name: 'dispatch-bot', role: 'agent' });
    token = { id: created.token.id, secret: created.secret };
  });
  beforeEach(async () => {
    const service_code = (await t.store.listServices((await demoJurisdiction(t.store)).id))[0]!.service_code;
    original = await seedRequest(t.store, { service_code, description: 'First report' });
    r = await seedRequest(t.store, { service_code, description: 'Second report' });
  });
  afterAll(() => t?.close());

  describe('through the staff API, naming the token and the channel', () => {
    const byToken = (e: AuditEntry) => {
      expect(e.actor).toBe(`token:${token.id}`);
      expect(e.details).toMatchObject({ channel: 'api', token_name: 'dispatch-bot' });
    };

    it('a status change', async () => {
      const res = await api('status', { status: 'in_progress', note: 'Crew on the way' });
      expect(res.statusCode, res.body).toBe(200);
      const audit = await entries();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'request.status', details: { from: 'open', to: 'in_progress', note: 'Crew on the way' } });
      byToken(audit[0]!);
    });

    it('a comment', async () => {
      const res = await api('comments', { text: 'Checked the site.', public: false });
      expect(res.statusCode, res.body).toBe(200);
      const audit = await entries();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'request.comment', details: { public: false } });
      byToken(audit[0]!);
    });

    it('a triage', async () => {
      const res = await api('triage', { priority: 'urgent' });
      expect(res.statusCode, res.body).toBe(200);
      const audit = await entries();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'request.priority', details: { from: 'normal', to: 'urgent' } });
      byToken(audit[0]!);
    });

    it('a duplicate, which also closes the request', async () => {
      const res = await api('duplicate', { original: original.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ status: 'duplicate' });
      const audit = await entries();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'request.duplicate_of', details: { to: original.id, status: { from: 'open', to: 'duplicate' } } });
      byToken(audit[0]!);
    });

    it('refuses bad input with a 400 and audits nothing', async () => {
      for (const [path, body] of [
        ['triage', { assigned_department_id: 'nope' }],
        ['triage', { expected_datetime: 'soon' }],
        ['duplicate', { original: r.id }],
        ['duplicate', { original: '999999999' }],
        ['comments', { text: '   ', public: true }],
      ] as const) {
        const res = await api(path, body);
        expect(res.statusCode, `${path} ${JSON.stringify(body)}: ${res.body}`).toBe(400);
        expect(JSON.parse(res.body)[0]).toMatchObject({ code: 400 });
      }
      expect(await entries()).toEqual([]);
    });
  });

  describe('through the web pages, naming the user and the channel (no double audit)', () => {
    const byAgent = async (e: AuditEntry) => {
      expect(e.actor).toBe((await t.store.findUserByEmail('agent@riverton.example'))!.id);
      expect(e.details).toMatchObject({ channel: 'web' });
    };

    it('a status change', async () => {
      expect(redirectTo(await web('status', { status: 'in_progress', note: '' }))).toContain('done=status');
      const audit = await entries();
      expect(audit.map((e) => e.action)).toEqual(['request.status']);
      await byAgent(audit[0]!);
    });

    it('a comment', async () => {
      expect(redirectTo(await web('comment', { comment: 'Checked the site.', visibility: 'internal' }))).toContain('done=note');
      const audit = await entries();
      expect(audit.map((e) => e.action)).toEqual(['request.comment']);
      await byAgent(audit[0]!);
    });

    it('a triage', async () => {
      const { timezone } = await demoJurisdiction(t.store);
      const expected = r.expected_at === null ? '' : localInput(r.expected_at, timezone);
      expect(redirectTo(await web('triage', { department: '', agent: '', priority: 'urgent', expected }))).toContain('done=triage');
      const audit = await entries();
      expect(audit.map((e) => e.action)).toEqual(['request.priority']);
      await byAgent(audit[0]!);
    });

    it('a duplicate', async () => {
      expect(redirectTo(await web('duplicate', { duplicate_of: original.id, duplicate_note: '' }))).toContain('done=duplicate');
      const audit = await entries();
      expect(audit.map((e) => e.action)).toEqual(['request.duplicate_of']);
      await byAgent(audit[0]!);
    });
  });
});

describe.each(dialects)('one audit entry per access change (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let bearer: string;
  let tokenId: string;
  const api = (method: 'POST' | 'PUT' | 'DELETE', url: string, body?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${bearer}` }, ...(body ? { payload: body } : {}) });
  const entries = async (action: string) => (await t.store.listAudit({ limit: 500 })).filter((e) => e.action === action);

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    admin = await t.login('admin');
    const created = await t.store.createStaffToken({ name: 'ops-bot', role: 'admin' });
    bearer = created.secret;
    tokenId = created.token.id;
  });
  afterAll(() => t?.close());

  it('an API key created and revoked through the staff API, then through the web page', async () => {
    const res = await api('POST', '/api-keys', { name: 'FixMyStreet' });
    expect(res.statusCode, res.body).toBe(201);
    const id = (JSON.parse(res.body) as { key: { id: string } }).key.id;
    expect((await api('DELETE', `/api-keys/${id}`)).statusCode).toBe(204);
    expect(await entries('api_key.create')).toEqual([expect.objectContaining({ actor: `token:${tokenId}`, details: expect.objectContaining({ key: id, channel: 'api' }) })]);
    expect(await entries('api_key.revoke')).toEqual([expect.objectContaining({ actor: `token:${tokenId}`, details: expect.objectContaining({ key: id, channel: 'api' }) })]);

    expect((await t.postForm('/staff/keys', { name: 'Open311 app', rate: '60' }, admin)).statusCode).toBe(201);
    const webKey = (await t.store.listApiKeys()).find((k) => k.name === 'Open311 app')!;
    expect((await t.postForm(`/staff/keys/${webKey.id}/revoke`, {}, admin)).statusCode).toBe(303);
    expect((await entries('api_key.create')).filter((e) => e.details.key === webKey.id)).toEqual([expect.objectContaining({ details: expect.objectContaining({ channel: 'web' }) })]);
    expect((await entries('api_key.revoke')).filter((e) => e.details.key === webKey.id)).toHaveLength(1);
  });

  it('a service replaced and deleted through the staff API', async () => {
    const j = (await t.store.listJurisdictions())[0]!;
    const put = await api('PUT', `/jurisdictions/${j.id}/services/api.test`, { service_name: 'From the API' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await api('DELETE', `/jurisdictions/${j.id}/services/api.test`)).statusCode).toBe(204);
    expect(await entries('service.save')).toEqual([
      expect.objectContaining({ actor: `token:${tokenId}`, details: expect.objectContaining({ service_code: 'api.test', mode: 'create', channel: 'api' }) }),
    ]);
    expect(await entries('service.delete')).toEqual([expect.objectContaining({ details: expect.objectContaining({ service_code: 'api.test' }) })]);
  });

  it('a jurisdiction created and deleted through the staff API', async () => {
    const created = await api('POST', '/jurisdictions', { id: 'lakeside', name: 'Lakeside', contact: 'x', key_service: 'y', timezone: 'America/Chicago' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await api('DELETE', '/jurisdictions/lakeside')).statusCode).toBe(204);
    expect(await entries('jurisdiction.save')).toEqual([
      expect.objectContaining({ jurisdiction_id: 'lakeside', details: expect.objectContaining({ mode: 'create', channel: 'api' }) }),
    ]);
    expect(await entries('jurisdiction.delete')).toEqual([expect.objectContaining({ details: expect.objectContaining({ jurisdiction: 'lakeside' }) })]);
  });

  it('a staff token created and revoked through the staff API', async () => {
    const res = await api('POST', '/staff-tokens', { name: 'night-shift', role: 'viewer' });
    expect(res.statusCode, res.body).toBe(201);
    const id = (JSON.parse(res.body) as { token: { id: string } }).token.id;
    expect((await api('DELETE', `/staff-tokens/${id}`)).statusCode).toBe(204);
    expect(await entries('staff_token.create')).toEqual([expect.objectContaining({ details: expect.objectContaining({ token: id, role: 'viewer', channel: 'api' }) })]);
    expect(await entries('staff_token.revoke')).toEqual([expect.objectContaining({ details: expect.objectContaining({ token: id, channel: 'api' }) })]);
  });
});
