/**
 * The one form at the top of the staff request page (issue 14, item 7):
 * every field saved together, checked before anything is written, the typed
 * values kept on an error and when a template is inserted without
 * JavaScript, the followers told once, and the same refusals as the single
 * actions. Both dialects.
 */
import type { ServiceRecord, StoredRequest } from '@o311/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, publicRequest, redirectTo, seedRequest, summaryLinks, userId } from './support/back-office.js';

/** A form's textarea content as the page shows it (HTML-escaped). */
const textareaOf = (html: string, id: string): string | undefined =>
  new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

describe.each(dialects)('the request page’s one form (%s)', (dialect) => {
  let t: WebTestApp;
  let agent: StaffAuth;
  let viewer: StaffAuth;
  let service: ServiceRecord;
  let r: StoredRequest;
  let jurisdiction: string;
  const path = () => `/staff/requests/${r.id}`;
  const post = (action: string, fields: Record<string, string>, auth: StaffAuth = agent) => t.postForm(`${path()}/${action}`, fields, auth);
  /** The audit entries of the request after the set-up's own. */
  const staffAudit = async () => (await t.store.listAudit({ request_id: r.id, limit: 20 })).filter((e) => e.actor !== 'test');
  /** The form as the page sends it, unchanged (the set-up clears the expected date). */
  const untouched = (): Record<string, string> => ({ status: 'open', comment: '', visibility: 'internal', department: '', agent: '', priority: 'normal', expected: '' });

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    agent = await t.login('agent');
    viewer = await t.login('viewer');
    jurisdiction = (await demoJurisdiction(t.store)).id;
    service = (await t.store.listServices(jurisdiction))[0]!;
  });
  beforeEach(async () => {
    r = await seedRequest(t.store, { service_code: service.service_code, description: 'Streetlight out on Oak Avenue' });
    await t.store.updateTriage({ jurisdiction_id: jurisdiction, request_id: r.id, actor: 'test', expected_at: null });
  });
  afterAll(() => t.close());

  it('is on the page, at the top, for agents; viewers see no form', async () => {
    const page = (await t.get(path(), agent)).body;
    expect(page).toContain(`<form method="post" action="${path()}/update" class="request-update-form">`);
    expect(page.indexOf('id="request-update"')).toBeLessThan(page.indexOf('class="request-facts'));
    for (const id of ['req-status', 'req-comment', 'req-visibility', 'req-template', 'req-department', 'req-agent', 'req-priority', 'req-expected']) {
      expect(page, id).toContain(`id="${id}"`);
    }
    expect(page).not.toContain(`action="${path()}/status"`);
    expect(page).not.toContain(`action="${path()}/comment"`);
    expect(page).not.toContain(`action="${path()}/triage"`);
    expect((await t.get(path(), viewer)).body).not.toContain('request-update-form');
  });

  it('saves status, public reply, assignment, priority and date with one button: one public update, one notice to the followers', async () => {
    const parks = (await t.store.listDepartments(jurisdiction)).find((d) => d.name === 'Parks')!;
    const agentId = await userId(t.store, 'agent');
    const eventsBefore = (await t.store.listEvents(jurisdiction, r.id)).length;
    const notices = vi.spyOn(t.store, 'listConfirmedFollowers');
    try {
      const res = await post('update', {
        status: 'in_progress', comment: 'A crew is on the way.', visibility: 'public',
        department: parks.id, agent: agentId, priority: 'high', expected: '2031-05-04T15:30',
      });
      expect(redirectTo(res)).toBe(`${path()}?done=saved`);
      expect(notices).toHaveBeenCalledTimes(1);
    } finally {
      notices.mockRestore();
    }
    const pub = await publicRequest(t, r.id, true);
    expect(pub).toMatchObject({ status: 'open', status_notes: 'A crew is on the way.' });
    expect(pub.extended_attributes?.detailed_status).toBe('in_progress');
    expect(pub.expected_datetime).toMatch(/^2031-05-04T15:30:00[+-]\d{2}:\d{2}$/);
    expect(await t.store.listEvents(jurisdiction, r.id)).toHaveLength(eventsBefore + 1);
    expect(await t.store.getTriagedRequest(jurisdiction, r.id)).toMatchObject({ assigned_department_id: parks.id, assigned_user_id: agentId, priority: 'high' });
    const actions = (await staffAudit()).map((e) => e.action).sort();
    expect(actions).toEqual(['request.assigned_department_id', 'request.assigned_user_id', 'request.expected_at', 'request.priority', 'request.status']);
    const page = (await t.get(`${path()}?done=saved`, agent)).body;
    expect(page).toContain('role="status">Your changes were saved.');
    expect(page).toContain('<option value="in_progress" selected>');
  });

  it('keeps an internal note apart from a status change, and tells the followers nothing of it', async () => {
    const res = await post('update', { ...untouched(), status: 'fixed', comment: 'Crew: cable was cut.', visibility: 'internal' });
    expect(redirectTo(res)).toBe(`${path()}?done=saved`);
    const pub = await publicRequest(t, r.id, true);
    expect(pub.status).toBe('closed');
    expect(JSON.stringify(pub)).not.toContain('cable was cut');
    const internal = (await t.store.listEvents(jurisdiction, r.id, { includeInternal: true })).filter((e) => e.description === 'Crew: cable was cut.');
    expect(internal).toHaveLength(1);
    const actions = (await staffAudit()).map((e) => e.action).sort();
    expect(actions).toEqual(['request.comment', 'request.status']);
  });

  it('says so when nothing changed, and writes nothing', async () => {
    expect(redirectTo(await post('update', untouched()))).toBe(`${path()}?done=unchanged`);
    expect(await staffAudit()).toEqual([]);
  });

  it('refuses the whole form on any bad field, naming each field and keeping every typed value', async () => {
    const parks = (await t.store.listDepartments(jurisdiction)).find((d) => d.name === 'Parks')!;
    const events = await t.store.listEvents(jurisdiction, r.id, { includeInternal: true });
    const res = await post('update', {
      status: 'teleported', comment: 'Typed <carefully> & kept', visibility: 'public',
      department: parks.id, agent: 'nobody', priority: 'urgent', expected: 'soon',
    });
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(['req-status', 'req-agent', 'req-expected']);
    expect(res.body).toContain('<a href="#req-expected">Expected: Enter a date and time, or leave it empty.</a>');
    expect(textareaOf(res.body, 'req-comment')).toBe('Typed &lt;carefully&gt; &amp; kept');
    expect(res.body).toMatch(/value="public" checked/);
    expect(res.body).toContain(`<option value="${parks.id}" selected>`);
    expect(res.body).toContain('<option value="urgent" selected>');
    expect(res.body).toContain('name="expected" value="soon"');
    const tooLong = await post('update', { ...untouched(), status: 'closed', comment: 'x'.repeat(10_001), visibility: 'public' });
    expect(tooLong.statusCode).toBe(400);
    expect(summaryLinks(tooLong.body)).toEqual(['req-comment']);
    expect(tooLong.body).toContain('<option value="closed" selected>');
    expect(await staffAudit()).toEqual([]);
    expect(await t.store.listEvents(jurisdiction, r.id, { includeInternal: true })).toEqual(events);
    expect((await t.store.getTriagedRequest(jurisdiction, r.id))?.priority).toBe('normal');
  });

  it('inserts a template without JavaScript after the typed reply, keeping every other field, saving nothing', async () => {
    const fixed = (await t.store.listTemplates(jurisdiction)).find((x) => x.status === 'fixed')!;
    const sent = { ...untouched(), comment: 'Thanks for the report.', priority: 'high', expected: '2031-01-02T08:00', template: fixed.id };
    const res = await post('template', sent);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(textareaOf(html, 'req-comment')).toBe(`Thanks for the report.\n\n${fixed.body}`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(html).toContain('<option value="fixed" selected>');
    expect(html).toContain('<option value="high" selected>');
    expect(html).toContain('name="expected" value="2031-01-02T08:00"');
    expect(html).toMatch(/value="public" checked/);
    expect(html).toContain(`<option value="${fixed.id}" selected>`);
    const none = await post('template', { ...sent, template: '' });
    expect(none.statusCode).toBe(400);
    expect(summaryLinks(none.body)).toEqual(['req-template']);
    expect(textareaOf(none.body, 'req-comment')).toBe('Thanks for the report.');
    expect(await staffAudit()).toEqual([]);
    expect((await publicRequest(t, r.id)).status).toBe('open');
  });

  it('refuses viewers and forged forms (403) and unknown requests (404), changing nothing', async () => {
    const fields = { ...untouched(), status: 'closed', comment: 'viewer was here', visibility: 'public' };
    for (const action of ['update', 'template']) {
      expect((await post(action, fields, viewer)).statusCode, action).toBe(403);
      expect((await post(action, { ...fields, _csrf: 'forged' })).statusCode, action).toBe(403);
      expect((await t.postForm(`/staff/requests/999999999/${action}`, fields, agent)).statusCode, action).toBe(404);
    }
    expect(await staffAudit()).toEqual([]);
    expect((await publicRequest(t, r.id)).status).toBe('open');
  });
});
