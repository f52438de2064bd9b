/**
 * The staff request page and its actions: status (extended too) and its effect
 * on the public GeoReport API, replies vs internal notes, assignment with its
 * audit trail, the SLA default, duplicates, templates, followers and refusals.
 */
import type { RequestNote } from '@o311/georeport';
import type { ServiceRecord, StoredRequest } from '@o311/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, publicRequest, redirectTo, seedRequest, summaryLinks, userId } from './support/back-office.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fe a7359a0000000049454e44ae426082'.replace(/ /g, ''), 'hex');
const HOUR = 3_600_000;

/** `YYYY-MM-DDTHH:MM` in a zone, by Intl (independent of the code under test). */
const localInput = (ms: number, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(ms).replace(' ', 'T');

describe('staff request page', () => {
  let t: WebTestApp;
  let agent: StaffAuth;
  let viewer: StaffAuth;
  let service: ServiceRecord;
  let r: StoredRequest;
  let timeZone: string;
  const path = () => `/staff/requests/${r.id}`;
  const act = (action: string, fields: Record<string, string>, auth: StaffAuth = agent) => t.postForm(`${path()}/${action}`, fields, auth);
  const view = async (auth: StaffAuth = agent, query = ''): Promise<string> => {
    const res = await t.get(`${path()}${query}`, auth);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.body;
  };
  const notes = async (): Promise<RequestNote[]> => (await publicRequest(t, r.id, true)).extended_attributes?.notes ?? [];

  beforeAll(async () => {
    t = await buildWebTestApp();
    agent = await t.login('agent');
    viewer = await t.login('viewer');
    const j = await demoJurisdiction(t.store);
    timeZone = j.timezone;
    service = (await t.store.listServices(j.id)).find((s) => s.sla_hours !== null && s.sla_hours > 0)!;
  });
  beforeEach(async () => {
    r = await seedRequest(t.store, {
      service_code: service.service_code, description: 'Deep pothole by the school', address: '12 Elm Street', lat: 41.5, long: -90.5,
      media: [{ content_type: 'image/png', filename: 'hole.png', bytes: PNG }],
    });
  });
  afterAll(() => t.close());

  it('shows the request, its photos and the reporter’s contact data to any staff; viewers get no actions', async () => {
    const html = await view(viewer);
    expect(html).toContain('Deep pothole by the school');
    expect(html).toContain('12 Elm Street');
    expect(html).toContain('<a href="mailto:rosa@example.org">rosa@example.org</a>');
    expect(html).toContain('Rosa Parks');
    const media = /<img src="(\/open311\/v2\/media\/[^"]+)" alt="Photo 1 of 1 sent with request/.exec(html)?.[1];
    expect(media).toBe(`/open311/v2/media/${r.media_ids[0]}`);
    const photo = await t.get(media!);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(html).not.toContain(`action="${path()}/status"`);
    expect(html).toContain('Your role can view this request but not change it.');
    expect(JSON.stringify(await publicRequest(t, r.id, true))).not.toContain('rosa@example.org');
  });

  it('names the service and its questions in the page’s language', async () => {
    const question = service.attributes.find((a) => service.translations.es?.attributes?.[a.code]?.description)!;
    const answered = await seedRequest(t.store, {
      service_code: service.service_code, attributes: { [question.code]: question.values?.[0]?.key ?? 'x' },
    });
    const res = await t.get(`/staff/requests/${answered.id}?lang=es`, agent);
    expect(res.body).toContain(`<span class="request-service">${service.translations.es!.service_name}</span>`);
    expect(res.body).toContain(`<dt>${service.translations.es!.attributes![question.code]!.description}</dt>`);
  });

  it('changes the status: public API closed with the note, audited', async () => {
    const res = await act('status', { status: 'closed', note: 'Filled with asphalt today.' });
    expect(redirectTo(res)).toBe(`${path()}?done=status`);
    const pub = await publicRequest(t, r.id);
    expect(pub).toMatchObject({ status: 'closed', status_notes: 'Filled with asphalt today.' });
    const [entry] = await t.store.listAudit({ request_id: r.id, limit: 10 });
    expect(entry).toMatchObject({ action: 'request.status', actor: await userId(t.store, 'agent'), details: { from: 'open', to: 'closed' } });
    const html = await view(agent, '?done=status');
    expect(html).toContain('role="status">The status was changed.');
    expect(html).toContain('Filled with asphalt today.');
  });

  it('sets extended statuses, mapped to open/closed publicly', async () => {
    await act('status', { status: 'in_progress', note: '' });
    const pub = await publicRequest(t, r.id, true);
    expect(pub.status).toBe('open');
    expect(pub.extended_attributes?.detailed_status).toBe('in_progress');
    await act('status', { status: 'not_councils_responsibility', note: 'Private land.' });
    expect(await publicRequest(t, r.id)).toMatchObject({ status: 'closed', status_notes: 'Private land.' });
  });

  it('refuses an unknown status or a change that changes nothing', async () => {
    const bad = await act('status', { status: 'teleported', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(summaryLinks(bad.body)).toEqual(['req-status']);
    const same = await act('status', { status: 'open', note: '' });
    expect(same.statusCode).toBe(400);
    expect(summaryLinks(same.body)).toEqual(['req-status-note']);
    expect(await t.store.listAudit({ request_id: r.id, limit: 10 })).toEqual([]);
  });

  it('keeps internal notes out of the public API; public replies go in', async () => {
    expect(redirectTo(await act('comment', { comment: 'Crew says: gas main nearby, careful.', visibility: 'internal' }))).toBe(`${path()}?done=note`);
    expect(redirectTo(await act('comment', { comment: 'We will fix it this week.', visibility: 'public' }))).toBe(`${path()}?done=reply`);
    const publicText = JSON.stringify(await notes());
    expect(publicText).not.toContain('gas main');
    expect(publicText).toContain('We will fix it this week.');
    const updates = await t.get('/open311/v2/servicerequestupdates.json');
    expect(updates.statusCode).toBe(200);
    expect(updates.body).toContain('We will fix it this week.');
    expect(updates.body).not.toContain('gas main');
    const html = await view();
    expect(html).toMatch(/request-event-internal[\s\S]*?internal<\/span>[\s\S]*?Crew says: gas main nearby, careful\./);
    const comments = (await t.store.listAudit({ request_id: r.id, limit: 10 })).filter((e) => e.action === 'request.comment');
    expect(comments.map((e) => e.details.public).sort()).toEqual([false, true]);
  });

  it('refuses an empty reply', async () => {
    const res = await act('comment', { comment: '  ', visibility: 'public' });
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(['req-comment']);
  });

  it('tells confirmed followers about public changes only, and a failing notification never fails the action', async () => {
    const j = await demoJurisdiction(t.store);
    const { confirmSecret } = await t.store.addFollower({ jurisdiction_id: j.id, request_id: r.id, email: 'neighbour@example.org' });
    await t.store.confirmFollower(confirmSecret);
    const mails = async () => t.store.listOutbox({ to: 'neighbour@example.org', limit: 50 });
    const before = (await mails()).length;
    await act('comment', { comment: 'Internal only.', visibility: 'internal' });
    expect(await mails()).toHaveLength(before);
    await act('status', { status: 'fixed', note: 'All done.' });
    // The action enqueues a `followers.notify` job; its worker writes the mail.
    const after = await vi.waitFor(async () => {
      const now = await mails();
      expect(now).toHaveLength(before + 1);
      return now;
    }, { timeout: 10_000, interval: 20 });
    expect(after.at(-1)!.text).toContain('All done.');

    const failing = vi.spyOn(t.store, 'listConfirmedFollowers').mockRejectedValueOnce(new Error('mail store down'));
    try {
      expect(redirectTo(await act('status', { status: 'reopen', note: 'Back again.' }))).toBe(`${path()}?done=status`);
      expect(await publicRequest(t, r.id)).toMatchObject({ status: 'open', status_notes: 'Back again.' });
    } finally {
      failing.mockRestore();
    }
  });

  it('assigns, prioritises and dates the request; each change is in the audit trail', async () => {
    const j = await demoJurisdiction(t.store);
    const parks = (await t.store.listDepartments(j.id)).find((d) => d.name === 'Parks')!;
    const agentId = await userId(t.store, 'agent');
    const res = await act('triage', { department: parks.id, agent: agentId, priority: 'high', expected: '2031-05-04T15:30' });
    expect(redirectTo(res)).toBe(`${path()}?done=triage`);
    const triaged = await t.store.getTriagedRequest(j.id, r.id);
    expect(triaged).toMatchObject({ assigned_department_id: parks.id, assigned_user_id: agentId, priority: 'high' });
    expect(localInput(triaged!.expected_at!, timeZone)).toBe('2031-05-04T15:30');
    expect((await publicRequest(t, r.id)).expected_datetime).toMatch(/^2031-05-04T15:30:00[+-]\d{2}:\d{2}$/);
    const audit = await t.store.listAudit({ request_id: r.id, limit: 20 });
    expect(audit.map((e) => e.action).sort()).toEqual(['request.assigned_department_id', 'request.assigned_user_id', 'request.expected_at', 'request.priority']);
    expect(audit.every((e) => e.actor === agentId)).toBe(true);
    expect(audit.find((e) => e.action === 'request.priority')?.details).toEqual({ from: 'normal', to: 'high', channel: 'web' });
    const html = await view();
    expect(html).toMatch(/<td>Sam Okafor<\/td>\s*<td><code>request\.assigned_user_id<\/code><\/td>/);
    expect(html).toContain('<span>— → Parks</span>');

    expect(redirectTo(await act('triage', { department: parks.id, agent: agentId, priority: 'high', expected: '2031-05-04T15:30' })))
      .toBe(`${path()}?done=unchanged`);
    expect(await t.store.listAudit({ request_id: r.id, limit: 20 })).toHaveLength(4);
  });

  it('leaves the expected date alone when the form sends it back as shown (to the minute)', async () => {
    const j = await demoJurisdiction(t.store);
    expect(r.expected_at! % 60_000).not.toBe(0);
    const res = await act('triage', { department: '', agent: '', priority: 'urgent', expected: localInput(r.expected_at!, timeZone) });
    expect(redirectTo(res)).toBe(`${path()}?done=triage`);
    expect((await t.store.getTriagedRequest(j.id, r.id))?.expected_at).toBe(r.expected_at);
    expect((await t.store.listAudit({ request_id: r.id, limit: 10 })).map((e) => e.action)).toEqual(['request.priority']);
  });

  it('offers the expected date from the service’s SLA when none is set', async () => {
    const j = await demoJurisdiction(t.store);
    expect(r.expected_at).not.toBeNull();
    expect(await view()).toContain(`name="expected" value="${localInput(r.expected_at!, timeZone)}"`);
    await t.store.updateTriage({ jurisdiction_id: j.id, request_id: r.id, actor: 'test', expected_at: null });
    const html = await view();
    const offered = localInput(r.requested_at + service.sla_hours! * HOUR, timeZone);
    expect(html).toContain(`name="expected" value="${offered}"`);
    expect(html).toContain(`Suggested from the service’s target of ${service.sla_hours} hours`);
  });

  it('refuses an unknown department, agent or priority, changing nothing', async () => {
    const res = await act('triage', { department: 'nope', agent: 'nobody', priority: 'meh', expected: 'soon' });
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(['req-department', 'req-agent', 'req-priority', 'req-expected']);
    expect(res.body).toContain('value="soon"');
    expect(await t.store.listAudit({ request_id: r.id, limit: 20 })).toEqual([]);
  });

  it('marks a duplicate of an existing request, closing it with a public note linking to the original', async () => {
    const original = await seedRequest(t.store, { service_code: service.service_code, description: 'First report' });
    const unknown = await act('duplicate', { duplicate_of: '999999999', duplicate_note: '' });
    expect(unknown.statusCode).toBe(400);
    expect(summaryLinks(unknown.body)).toEqual(['req-duplicate-of']);
    expect(unknown.body).toContain('There is no request 999999999.');
    expect((await act('duplicate', { duplicate_of: r.id })).statusCode).toBe(400);
    expect((await publicRequest(t, r.id)).status).toBe('open');

    expect(redirectTo(await act('duplicate', { duplicate_of: `#${original.id}`, duplicate_note: 'Thanks for telling us.' }))).toBe(`${path()}?done=duplicate`);
    const pub = await publicRequest(t, r.id, true);
    expect(pub.status).toBe('closed');
    expect(pub.extended_attributes?.detailed_status).toBe('duplicate');
    expect(pub.status_notes).toContain(`request ${original.id}`);
    expect(pub.status_notes).toContain(`/track/${original.id}`);
    expect(pub.status_notes).toContain('Thanks for telling us.');
    const j = await demoJurisdiction(t.store);
    expect((await t.store.getTriagedRequest(j.id, r.id))?.duplicate_of).toBe(original.id);
    const actions = (await t.store.listAudit({ request_id: r.id, limit: 20 })).map((e) => e.action);
    // One act, one entry: the status change is told in the entry's details, not audited twice.
    expect(actions).toEqual(['request.duplicate_of']);
    expect(await view()).toContain(`<a href="/staff/requests/${original.id}">${original.id}</a>`);
  });

  it('fills the one form from a response template named in the address and ships the templates to the script', async () => {
    const j = await demoJurisdiction(t.store);
    const fixed = (await t.store.listTemplates(j.id)).find((x) => x.status === 'fixed')!;
    const html = await view(agent, `?template=${fixed.id}`);
    expect(html).toContain('<option value="fixed" selected>');
    expect(html).toMatch(new RegExp(`<textarea id="req-comment"[^>]*>${fixed.body.slice(0, 30)}`));
    expect(html).toContain('<script type="module" src="/assets/js/staff-request.js"></script>');
    expect(html).toContain('<script type="application/json" id="request-templates-data">');
    const reply = await t.store.saveTemplate({ jurisdiction_id: j.id, name: 'Thanks', body: 'Thank you, we are on it.', status: null });
    const withReply = await view(agent, `?template=${reply.id}`);
    expect(withReply).toMatch(/<textarea id="req-comment"[^>]*>Thank you, we are on it\.<\/textarea>/);
    expect(withReply).toMatch(/value="public" checked/);
    await t.store.deleteTemplate(reply.id);
  });

  it('refuses every action to a viewer and to a forged form, changing nothing', async () => {
    const j = await demoJurisdiction(t.store);
    const before = { request: await t.store.getTriagedRequest(j.id, r.id), events: await t.store.listEvents(j.id, r.id, { includeInternal: true }) };
    const attempts: [string, Record<string, string>][] = [
      ['status', { status: 'closed', note: 'viewer was here' }],
      ['comment', { comment: 'viewer was here', visibility: 'public' }],
      ['triage', { department: '', agent: '', priority: 'urgent', expected: '' }],
      ['duplicate', { duplicate_of: '1' }],
      ['update', { status: 'closed', comment: 'viewer was here', visibility: 'public', department: '', agent: '', priority: 'urgent', expected: '' }],
    ];
    for (const [action, fields] of attempts) {
      expect((await act(action, fields, viewer)).statusCode, action).toBe(403);
      expect((await act(action, { ...fields, _csrf: 'forged' }, agent)).statusCode, action).toBe(403);
    }
    expect(await t.store.getTriagedRequest(j.id, r.id)).toEqual(before.request);
    expect(await t.store.listEvents(j.id, r.id, { includeInternal: true })).toEqual(before.events);
    expect(await t.store.listAudit({ request_id: r.id, limit: 10 })).toEqual([]);
    expect((await publicRequest(t, r.id)).status).toBe('open');
  });

  it('answers 404 for an unknown request', async () => {
    expect((await t.get('/staff/requests/999999999', agent)).statusCode).toBe(404);
    expect((await t.postForm('/staff/requests/999999999/status', { status: 'closed' }, agent)).statusCode).toBe(404);
  });
});
