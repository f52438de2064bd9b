/** The staff inbox (GET /staff): open requests by default, every filter, sort, paging, the map data and saved filters. */
import { EXTENDED_STATUSES } from '@o311/georeport';
import type { TriagedRequest } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { allRequests, demoJurisdiction, redirectTo, rowIds, seedRequest, summaryLinks, totalOf, userId } from './support/back-office.js';

/** `YYYY-MM-DD` of an instant in a time zone, by Intl (independent of the code under test). */
const localDay = (ms: number, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

describe('staff inbox', () => {
  let t: WebTestApp;
  let agent: StaffAuth;
  let all: TriagedRequest[];
  let timeZone: string;
  let zebraId: string;
  let parksId: string;
  const page = async (query: string, auth: StaffAuth = agent): Promise<string> => {
    const res = await t.get(`/staff${query}`, auth);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    return res.body;
  };
  /** The inbox total for a query equals the count of requests the predicate keeps, and every listed row is one of them. */
  const expectFilter = async (query: string, keep: (r: TriagedRequest) => boolean): Promise<void> => {
    // Against every request: without a status the inbox shows the open ones only.
    const html = await page(query.includes('status=') ? query : `${query}&status=all`);
    const expected = all.filter(keep);
    expect(expected.length, 'the test needs a filter that keeps something').toBeGreaterThan(0);
    expect(expected.length, 'the test needs a filter that drops something').toBeLessThan(all.length);
    expect(totalOf(html)).toBe(expected.length);
    const ids = new Set(expected.map((r) => r.id));
    for (const id of rowIds(html)) expect(ids.has(id), `row ${id} does not match ${query}`).toBe(true);
  };

  beforeAll(async () => {
    t = await buildWebTestApp();
    agent = await t.login('agent');
    const j = await demoJurisdiction(t.store);
    timeZone = j.timezone;
    const first = (await allRequests(t.store))[0]!;
    zebraId = (await seedRequest(t.store, {
      service_code: first.service_code, description: 'Zebra crossing paint <script>alert(1)</script> has faded', lat: 41.5, long: -90.5,
    })).id;
    const parks = (await t.store.listDepartments(j.id)).find((d) => d.name === 'Parks')!;
    const agentId = await userId(t.store, 'agent');
    const triaged = (await allRequests(t.store)).slice(0, 6);
    for (const [i, r] of triaged.entries()) {
      await t.store.updateTriage({
        jurisdiction_id: j.id, request_id: r.id, actor: 'test',
        ...(i < 3 ? { assigned_department_id: parks.id } : { assigned_user_id: agentId }),
        ...(i % 2 === 0 ? { priority: 'urgent' as const } : {}),
      });
    }
    parksId = parks.id;
    all = await allRequests(t.store);
  });
  afterAll(() => t.close());

  it('opens on the open requests, with “All statuses” one choice away', async () => {
    const html = await page('');
    const open = all.filter((r) => EXTENDED_STATUSES[r.status] === 'open');
    expect(open.length).toBeLessThan(all.length);
    expect(totalOf(html)).toBe(open.length);
    expect(html).toMatch(/<input type="checkbox" id="inbox-status-1" name="status" value="open" checked>/);
    expect(html).toMatch(/<input type="checkbox" id="inbox-status-0" name="status" value="all">/);
    const every = await page('?status=all');
    expect(totalOf(every)).toBe(all.length);
    expect(every).toMatch(/<input type="checkbox" id="inbox-status-0" name="status" value="all" checked>/);
    expect(every).toContain('href="/staff?status=all&amp;page=2"');
    const saved = await t.postForm('/staff/filters', { name: 'Everything', query: 'status=all&priority=urgent' }, agent);
    expect(redirectTo(saved)).toBe('/staff?status=all&priority=urgent&done=filter-saved');
    expect(await page('')).toContain('<a href="/staff?status=all&amp;priority=urgent">Everything</a>');
    // The default view is saved as open requests; a filter saved before that default (no status) still means every status.
    expect(redirectTo(await t.postForm('/staff/filters', { name: 'Open ones', query: '' }, agent))).toBe('/staff?status=open&done=filter-saved');
    const agentId = await userId(t.store, 'agent');
    await t.store.saveFilter({ user_id: agentId, name: 'Saved long ago', query: 'priority=urgent' });
    const listed = await page('');
    expect(listed).toContain('<a href="/staff?status=open">Open ones</a>');
    expect(listed).toContain('<a href="/staff?priority=urgent&amp;status=all">Saved long ago</a>');
    for (const f of await t.store.listSavedFilters(agentId)) await t.postForm(`/staff/filters/${f.id}/delete`, {}, agent);
  });

  it('lists every request, newest first, 25 per page, with a pager', async () => {
    const html = await page('?status=all');
    expect(totalOf(html)).toBe(all.length);
    const ids = rowIds(html);
    expect(ids).toHaveLength(25);
    const newest = [...all].sort((a, b) => b.requested_at - a.requested_at || Number(b.id) - Number(a.id));
    expect(ids).toEqual(newest.slice(0, 25).map((r) => r.id));
    const pages = Math.ceil(all.length / 25);
    expect(html).toContain(`Page 1 of ${pages}`);
    const second = await page('?status=all&page=2');
    expect(rowIds(second)).toEqual(newest.slice(25, 50).map((r) => r.id));
    expect(second).toContain('rel="prev"');
  });

  it('filters by public and by extended status', async () => {
    await expectFilter('?status=closed', (r) => EXTENDED_STATUSES[r.status] === 'closed');
    await expectFilter('?status=open', (r) => EXTENDED_STATUSES[r.status] === 'open');
    const extended = all.map((r) => r.status).find((s) => s !== 'open' && s !== 'closed')!;
    await expectFilter(`?status=${extended}`, (r) => r.status === extended);
  });

  it('filters by service and by group; a service outside the group matches nothing', async () => {
    const code = all[0]!.service_code;
    await expectFilter(`?service=${encodeURIComponent(code)}`, (r) => r.service_code === code);
    const j = await demoJurisdiction(t.store);
    const services = await t.store.listServices(j.id, { includeInactive: true });
    const group = services.find((s) => s.service_code === code)!.group!;
    const inGroup = new Set(services.filter((s) => s.group === group).map((s) => s.service_code));
    await expectFilter(`?group=${encodeURIComponent(group)}`, (r) => inGroup.has(r.service_code));
    const outside = services.find((s) => s.group !== group)!;
    const none = await page(`?group=${encodeURIComponent(group)}&service=${encodeURIComponent(outside.service_code)}`);
    expect(totalOf(none)).toBe(0);
    expect(none).toContain('No request matches these filters.');
  });

  it('filters by reporting date, both ends inclusive, in the city’s time zone', async () => {
    const days = [...new Set(all.map((r) => localDay(r.requested_at, timeZone)))].sort();
    const from = days[Math.floor(days.length / 4)]!;
    const to = days[Math.floor(days.length / 2)]!;
    await expectFilter(`?from=${from}&to=${to}`, (r) => {
      const day = localDay(r.requested_at, timeZone);
      return day >= from && day <= to;
    });
  });

  it('filters by department, agent, unassigned and priority', async () => {
    const agentId = await userId(t.store, 'agent');
    await expectFilter(`?department=${encodeURIComponent(parksId)}`, (r) => r.assigned_department_id === parksId);
    await expectFilter(`?agent=${encodeURIComponent(agentId)}`, (r) => r.assigned_user_id === agentId);
    await expectFilter('?unassigned=1', (r) => r.assigned_department_id === null && r.assigned_user_id === null);
    await expectFilter('?priority=urgent', (r) => r.priority === 'urgent');
    await expectFilter('?priority=urgent&department=' + encodeURIComponent(parksId), (r) => r.priority === 'urgent' && r.assigned_department_id === parksId);
  });

  it('searches the text, and escapes it on the page', async () => {
    const html = await page('?q=ZEBRA');
    expect(rowIds(html)).toEqual([zebraId]);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('value="ZEBRA"');
  });

  it('sorts by a column header, announced with aria-sort', async () => {
    const html = await page('?status=all&sort=priority&dir=desc');
    const urgent = new Set(all.filter((r) => r.priority === 'urgent').map((r) => r.id));
    expect(rowIds(html).slice(0, urgent.size).every((id) => urgent.has(id))).toBe(true);
    expect(html).toMatch(/<th scope="col" aria-sort="descending"><a href="\/staff\?status=all&amp;sort=priority&amp;dir=asc"/);
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    const asc = await page('?status=all&sort=priority&dir=asc');
    expect(rowIds(asc).some((id) => urgent.has(id))).toBe(false);
    // Sorting keeps the filters; the filters form keeps the sort.
    expect(await page('?status=closed&sort=updated_at&dir=asc')).toContain('<input type="hidden" name="sort" value="updated_at">');
  });

  it('gives the map its markers as a JSON data block (no inline script)', async () => {
    const html = await page('?q=zebra');
    const data = JSON.parse(/<script type="application\/json" id="inbox-map-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as {
      markers: { lat: number; long: number; href: string; title: string }[];
    };
    expect(data.markers).toEqual([{ lat: 41.5, long: -90.5, href: `/staff/requests/${zebraId}`, title: expect.stringContaining(zebraId) }]);
    expect(html).toContain('<script type="module" src="/assets/js/staff-map.js"></script>');
    expect(html).not.toMatch(/<script>(?!<)/);
  });

  it('saves, lists and deletes filters per user', async () => {
    const saved = await t.postForm('/staff/filters', { name: 'Closed, oldest change first', query: 'status=closed&sort=updated_at&dir=asc&page=3' }, agent);
    expect(redirectTo(saved)).toBe('/staff?status=closed&sort=updated_at&dir=asc&done=filter-saved');
    const html = await page('');
    expect(html).toContain('<a href="/staff?status=closed&amp;sort=updated_at&amp;dir=asc">Closed, oldest change first</a>');
    const [filter] = await t.store.listSavedFilters(await userId(t.store, 'agent'));
    expect(filter).toMatchObject({ query: 'status=closed&sort=updated_at&dir=asc' });

    const admin = await t.login('admin');
    expect(await page('', admin)).not.toContain('Closed, oldest change first');
    expect((await t.postForm(`/staff/filters/${filter!.id}/delete`, {}, admin)).statusCode).toBe(404);

    expect(redirectTo(await t.postForm(`/staff/filters/${filter!.id}/delete`, {}, agent))).toBe('/staff?done=filter-deleted');
    expect(await t.store.listSavedFilters(await userId(t.store, 'agent'))).toEqual([]);
  });

  it('refuses a saved filter without a name, pointing at the field', async () => {
    const res = await t.postForm('/staff/filters', { name: ' ', query: 'status=open' }, agent);
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(['saved-filter-name']);
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('is for staff only, any role, in their language', async () => {
    const out = await t.get('/staff');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toMatch(/^\/staff\/login/);
    const viewer = await t.login('viewer');
    expect(totalOf(await page('?status=all', viewer))).toBe(all.length);
    const es = await page('?lang=es');
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('<h1>Bandeja de entrada</h1>');
    expect(es).toContain('Aplicar filtros');
  });
});
