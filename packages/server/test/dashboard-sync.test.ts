/**
 * The dashboard in the server (issue 13): the local source of each
 * jurisdiction made and rebuilt at the first sync, requests written, changed
 * and cleared taken in from the change feed, areas set from a GeoJSON file
 * through the staff API (the facts rebuilt into them), and the staff API's
 * scopes and refusals. Jobs on a manual queue. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOf, type NewEndpoint } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JOB } from '../src/jobs/job-names.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { ManualQueue } from './support/manual-queue.js';
import { seedRequest } from './support/requests.js';
import { staffCall } from './support/staff.js';

const SOURCE = `local:${JURISDICTION.id}`;
const square = (x0: number, y0: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
});
const AREAS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { NEIGHBORHOOD: 'West Side' }, geometry: square(-88, 41, 0.5) },
    { type: 'Feature', properties: { NEIGHBORHOOD: 'East Side' }, geometry: square(-87.5, 41, 0.5) },
  ],
};
const ENDPOINT: NewEndpoint = {
  slug: 'shelby', name: 'Shelby County 311', tier: 'county', country: 'US', base_url: 'https://311.shelby.example/open311/v2/',
  discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null,
  contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
};

describe.each(dialects)('dashboard: sync, areas and the staff API (%s)', (dialect) => {
  let s: Server;
  const queue = new ManualQueue();
  const sync = async () => {
    await queue.enqueue(JOB.dashboardSync, {});
    await queue.run();
  };
  const filter = () => {
    const today = dayOf(Date.now(), JURISDICTION.timezone);
    return { source_id: SOURCE, from_day: addDays(today, -30), to_day: addDays(today, 1) };
  };

  beforeAll(async () => {
    s = await startServer(dialect, { options: { jobs: queue }, seed: (store) => store.saveEndpoint(ENDPOINT).then(() => undefined) });
  });
  afterAll(async () => s?.close());

  it('makes the local source at the first sync and rebuilds it from the requests there are', async () => {
    await seedRequest(s.store, { service_code: 'pothole', lat: 41.2, long: -87.8 });
    expect(queue.scheduled.get(JOB.dashboardSync)).toBe('* * * * *');
    await sync();
    const source = await s.store.dashboard.getSource(SOURCE);
    expect(source).toMatchObject({ kind: 'local', name: JURISDICTION.name, timezone: JURISDICTION.timezone, enabled: true, requests: 1 });
    expect((await s.store.dashboard.listSources()).filter((x) => x.ref === 'sandbox')).toEqual([]);
  });

  it('takes in new, changed and cleared requests from the change feed', async () => {
    const a = await seedRequest(s.store, { service_code: 'pothole', lat: 41.2, long: -87.2 });
    const b = await seedRequest(s.store, { service_code: 'graffiti', lat: null, long: null });
    await sync();
    const [fa, fb] = await s.store.dashboard.getFacts(SOURCE, [a.id, b.id]);
    expect(fa).toMatchObject({ request_id: a.id, service_code: 'pothole', service_group: 'Streets', status: 'open', area_id: null, lat: 41.2 });
    expect(fb).toMatchObject({ request_id: b.id, service_code: 'graffiti', lat: null });
    expect(await s.store.dashboard.total(filter())).toBe(3);

    await s.store.changeStatus({ jurisdiction_id: JURISDICTION.id, request_id: a.id, status: 'closed', note: 'Filled', author: null });
    await sync();
    const [closed] = await s.store.dashboard.getFacts(SOURCE, [a.id]);
    expect(closed).toMatchObject({ status: 'closed', detailed_status: 'closed' });
    expect(closed!.closed_at).toBe(closed!.updated_at);
    expect(await s.store.dashboard.total({ ...filter(), status: 'closed' })).toBe(1);
    // Nothing personal in the read model.
    expect(JSON.stringify(await s.store.dashboard.getFacts(SOURCE, [a.id, b.id]))).not.toMatch(/@|555-/);
  });

  it('sets areas from a GeoJSON file, rebuilds the facts into them, and refuses bad files with every problem', async () => {
    const set = await staffCall<{ id: string; name: string }[]>(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas`, s.staff.admin, AREAS);
    expect(set.status).toBe(200);
    expect(set.body).toEqual([{ id: 'west-side', name: 'West Side' }, { id: 'east-side', name: 'East Side' }]);
    expect(queue.jobs(JOB.dashboardRebuild).filter((j) => j.state === 'queued')).toHaveLength(1);
    await queue.run();
    const counts = await s.store.dashboard.countsByArea(filter());
    expect(counts).toEqual([{ key: '', count: 1 }, { key: 'east-side', count: 1 }, { key: 'west-side', count: 1 }]);

    // The same file as GeoJSON's own media type.
    const geo = await fetch(`${s.url}/api/v1/dashboard/sources/${SOURCE}/areas`, {
      method: 'PUT', body: JSON.stringify(AREAS),
      headers: { authorization: `Bearer ${s.staff.admin}`, 'content-type': 'application/geo+json' },
    });
    expect(geo.status).toBe(200);
    expect(await geo.json()).toEqual(set.body);
    await queue.run();

    const bad = await staffCall<{ description: string }[]>(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas`, s.staff.admin, {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: square(0, 0, 1) },
        { type: 'Feature', properties: { name: 'Line' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
        { type: 'Feature', properties: { name: 'Open' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
      ],
    });
    expect(bad.status).toBe(400);
    const text = bad.body.map((e) => e.description).join('\n');
    expect(text).toContain('feature 1: no name found');
    expect(text).toContain('feature 2 (Line)');
    expect(text).toContain('feature 3 (Open)');
    const named = await staffCall<{ description: string }[]>(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas?name_property=ward`, s.staff.admin, AREAS);
    expect(named.status).toBe(400);
    expect(named.body[0]!.description).toContain('"ward"');
    const many = { type: 'FeatureCollection', features: Array.from({ length: 2_001 }, () => AREAS.features[0]) };
    expect((await staffCall(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas`, s.staff.admin, many)).status).toBe(400);
    expect((await staffCall(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas`, s.staff.admin, { from: 'registry' })).status).toBe(400);
    expect((await staffCall(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas`, s.staff.admin, [1, 2])).status).toBe(400);
    expect(await s.store.dashboard.listAreas(SOURCE)).toHaveLength(2);
  });

  it("sets areas from the registry: the lower-tier boundaries inside the jurisdiction's", async () => {
    const boundary = (id: string, name: string, tier: 'city' | 'district', geometry: ReturnType<typeof square>) => ({
      id, name, tier, source: 'test', approximate: false, geometry: [geometry.coordinates] as [number, number][][][],
    });
    await s.store.saveBoundary(boundary('springfield-city', 'Springfield', 'city', square(-88, 41, 1)));
    await s.store.saveBoundary(boundary('springfield-ward-1', 'Ward 1', 'district', square(-88, 41, 0.5)));
    await s.store.saveBoundary(boundary('springfield-ward-2', 'Ward 2', 'district', square(-87.5, 41, 0.5)));
    await s.store.saveBoundary(boundary('elsewhere-ward', 'Elsewhere', 'district', square(10, 10, 0.5)));
    expect((await staffCall(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas`, s.staff.admin, { from: 'registry' })).status).toBe(400);
    await s.store.saveEndpoint({ ...ENDPOINT, slug: 'springfield', name: 'Springfield', tier: 'city', base_url: null, local: true, jurisdiction_id: JURISDICTION.id, boundary_id: 'springfield-city' });
    const set = await staffCall<{ id: string; name: string }[]>(s.url, 'PUT', `/dashboard/sources/${SOURCE}/areas`, s.staff.admin, { from: 'registry' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual([{ id: 'springfield-ward-1', name: 'Ward 1' }, { id: 'springfield-ward-2', name: 'Ward 2' }]);
    await queue.run();
    expect(await s.store.dashboard.countsByArea(filter())).toEqual([
      { key: '', count: 1 }, { key: 'springfield-ward-1', count: 1 }, { key: 'springfield-ward-2', count: 1 },
    ]);
  });

  it('lists sources by scope, changes settings, creates endpoint sources for global admins only, and audits', async () => {
    const listed = await staffCall<{ id: string }[]>(s.url, 'GET', '/dashboard/sources', s.staff.viewer);
    expect(listed.status).toBe(200);
    expect(listed.body.map((x) => x.id)).toEqual([SOURCE]);
    expect((await staffCall(s.url, 'PUT', `/dashboard/sources/${SOURCE}`, s.staff.agent, { area_label: 'Ward' })).status).toBe(403);
    const saved = await staffCall<Record<string, unknown>>(s.url, 'PUT', `/dashboard/sources/${SOURCE}`, s.staff.admin, { area_label: 'Neighbourhood' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: SOURCE, area_label: 'Neighbourhood', enabled: true, harvest: null, requests: 3 });
    expect((await staffCall(s.url, 'PUT', `/dashboard/sources/${SOURCE}`, s.staff.admin, { timezone: 'UTC' })).status).toBe(400);
    expect((await staffCall(s.url, 'PUT', '/dashboard/sources/local:nowhere', s.staff.admin, {})).status).toBe(404);
    expect((await staffCall(s.url, 'PUT', '/dashboard/sources/bogus', s.staff.admin, {})).status).toBe(404);
    expect((await staffCall(s.url, 'PUT', '/dashboard/sources/endpoint:nowhere', s.staff.admin, {})).status).toBe(404);
    expect((await staffCall(s.url, 'PUT', '/dashboard/sources/endpoint:shelby', s.staff.admin, { timezone: 'Mars/Olympus' })).status).toBe(400);
    const endpoint = await staffCall<Record<string, unknown>>(s.url, 'PUT', '/dashboard/sources/endpoint:shelby', s.staff.admin, { timezone: 'America/Chicago' });
    expect(endpoint.status).toBe(200);
    expect(endpoint.body).toMatchObject({ id: 'endpoint:shelby', kind: 'endpoint', name: 'Shelby County 311', enabled: true, harvest: { requests_seen: 0, last_error: null } });
    expect((await staffCall<{ id: string }[]>(s.url, 'GET', '/dashboard/sources', s.staff.admin)).body.map((x) => x.id)).toEqual(['endpoint:shelby', SOURCE]);
    expect((await staffCall<{ id: string }[]>(s.url, 'GET', '/dashboard/sources', s.staff.viewer)).body.map((x) => x.id)).toEqual([SOURCE]);
    expect((await staffCall(s.url, 'POST', `/dashboard/sources/${SOURCE}/rebuild`, s.staff.admin)).status).toBe(202);
    expect((await staffCall(s.url, 'POST', `/dashboard/sources/${SOURCE}/rebuild`, s.staff.viewer)).status).toBe(403);
    const actions = (await s.store.listAudit({ limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['dashboard.source.areas', 'dashboard.source.update', 'dashboard.source.create', 'dashboard.source.rebuild']));
    await queue.run();
    expect(await s.store.dashboard.total(filter())).toBe(3);

    // Harvest now: queued once (a second ask finds it waiting), never for a local source, never by a viewer.
    const harvest = (id: string, token = s.staff.admin) => staffCall<{ queued: boolean }>(s.url, 'POST', `/dashboard/sources/${id}/harvest`, token);
    expect(await harvest('endpoint:shelby')).toMatchObject({ status: 202, body: { queued: true } });
    expect(await harvest('endpoint:shelby')).toMatchObject({ status: 202, body: { queued: false } });
    expect((await harvest(SOURCE)).status).toBe(409);
    expect((await harvest('endpoint:shelby', s.staff.viewer)).status).toBe(403);
    expect((await s.store.listAudit({ limit: 50 })).map((e) => e.action)).toContain('dashboard.source.harvest');
  });

  it('rebuilds a source after a rebuild change (requests cleared)', async () => {
    await s.store.clearRequests(JURISDICTION.id);
    await sync();
    expect(await s.store.dashboard.total(filter())).toBe(0);
    expect((await s.store.dashboard.getSource(SOURCE))?.requests).toBe(0);
  });
});
