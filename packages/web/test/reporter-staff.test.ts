/**
 * What staff see and set of the reporter's mail and updates (issue 14): the
 * reporter's events in the request history and marked in the inbox until
 * staff act; the reporter settings in the back office (admins; bounded values)
 * and the staff API (admins write, any role reads, scope). Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTER_AUTHOR, REPORTER_FIXED_AUTHOR } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { demoJurisdiction, seedRequest } from './support/back-office.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

describe.each(dialects)('the reporter, as staff see it (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let agent: StaffAuth;
  let jid: string;

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    admin = await t.login('admin');
    agent = await t.login('agent');
    jid = (await demoJurisdiction(t.store)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the reporter\'s update in the history as the reporter\'s, and marks it in the inbox until staff act', async () => {
    const r = await seedRequest(t.store, { service_code: 'POTHOLE', description: 'Marked one' });
    await t.store.addComment!({ jurisdiction_id: jid, request_id: r.id, description: 'Still there, bigger.', public: true, author: REPORTER_AUTHOR });
    const page = (await t.get(`/staff/requests/${r.id}`, agent)).body;
    expect(page).toContain('Still there, bigger.');
    expect(page).toContain(' · The reporter');
    expect(page).not.toContain(REPORTER_AUTHOR);
    await t.store.addComment!({ jurisdiction_id: jid, request_id: r.id, description: '', public: false, author: REPORTER_FIXED_AUTHOR });
    expect((await t.get(`/staff/requests/${r.id}`, agent)).body).toContain(' · The reporter (answered “fixed”)');
    const marked = (await t.get('/staff?q=Marked+one', agent)).body;
    const rowOf = (html: string) => new RegExp(`<a href="/staff/requests/${r.id}">${r.id}</a>( <span class="inbox-reporter-update")?`).exec(html);
    expect(rowOf(marked)?.[1]).toBeDefined();
    await t.store.addComment!({ jurisdiction_id: jid, request_id: r.id, description: 'We will look.', public: true, author: 'Agent Smith' });
    expect(rowOf((await t.get('/staff?q=Marked+one', agent)).body)?.[1]).toBeUndefined();
  });

  it('lets admins save the settings in the back office, refusing values out of bounds; agents get no page', async () => {
    const page = await t.get('/staff/reporter-settings', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="reporter-settings-form"');
    const bad = await t.postForm('/staff/reporter-settings', { question_delay_hours: '-1', reopen_window_days: '9999' }, admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#reporter-delay"');
    expect(bad.body).toContain('href="#reporter-window"');
    const saved = await t.postForm('/staff/reporter-settings', { receipts_for_api: '1', question_delay_hours: '24', reopen_window_days: '14' }, admin);
    expect(saved.statusCode).toBe(303);
    expect(await t.store.reporter.settings(jid)).toEqual({ jurisdiction_id: jid, receipts_for_api: true, question_delay_hours: 24, reopen_window_days: 14 });
    expect((await t.get('/staff/reporter-settings', agent)).statusCode).toBe(403);
    expect((await t.postForm('/staff/reporter-settings', { question_delay_hours: '1', reopen_window_days: '1' }, agent)).statusCode).toBe(403);
  });

  it('serves the settings on the staff API: any role reads, admins write within bounds', async () => {
    const { secret: adminToken } = await t.store.createStaffToken({ name: 'ops', role: 'admin' });
    const { secret: viewerToken } = await t.store.createStaffToken({ name: 'look', role: 'viewer' });
    const call = (method: 'GET' | 'PUT', token: string, payload?: unknown) =>
      t.app.inject({ method, url: `/api/v1/jurisdictions/${jid}/reporter-settings`, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined && { payload: payload as object }) });
    const body = { receipts_for_api: false, question_delay_hours: 0, reopen_window_days: 30 };
    expect((await call('PUT', viewerToken, body)).statusCode).toBe(403);
    expect((await call('PUT', adminToken, { ...body, reopen_window_days: 366 })).statusCode).toBe(400);
    const put = await call('PUT', adminToken, body);
    expect(put.statusCode, put.body).toBe(200);
    expect((await call('GET', viewerToken)).json()).toEqual({ jurisdiction_id: jid, ...body });
    const unknown = await t.app.inject({ url: '/api/v1/jurisdictions/nowhere/reporter-settings', headers: { authorization: `Bearer ${viewerToken}` } });
    expect(unknown.statusCode).toBe(404);
  });
});
