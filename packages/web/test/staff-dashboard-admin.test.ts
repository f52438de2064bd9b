/**
 * The back office's dashboard pages (issue 13), without JavaScript: an admin
 * lists the dashboard's sources within their scope, changes a source's
 * settings, sets its areas from an uploaded GeoJSON file (every refusal shown
 * with what to fix) or from the registry, rebuilds it; a global admin shows a
 * registry endpoint on the dashboard from the endpoint's page and harvests it
 * now. Agents and viewers are refused (403), a source of another jurisdiction
 * is not found (404), and endpoint sources are global admins' only. Every
 * change goes through the staff API's services and is audited. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_SCOPE, type JurisdictionScope, type NewEndpoint, type StaffRole } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { ManualQueue } from '../../server/test/support/manual-queue.js';
import { JOB } from '@o311/server';
import { hashPassword } from '../src/staff/auth/passwords.js';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { buildWebTestApp, cookieOf, type StaffAuth, type WebTestApp } from './support/app.js';
import { multipart } from './support/citizen-app.js';

const RIVERTON = 'riverton.example';
const ALBANY = 'albany.example';
const LOCAL = `local:${RIVERTON}`;
const PAGE = `/staff/dashboards/${encodeURIComponent(LOCAL)}`;
const PASSWORD = 'dashboard-admin-test-password';

const ENDPOINT: NewEndpoint = {
  slug: 'shelby', name: 'Shelby County 311', tier: 'county', country: 'US', base_url: 'https://311.shelby.example/open311/v2/',
  discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null,
  contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
};
const SHELBY = 'endpoint:shelby';

const square = (x0: number, y0: number, w: number, h: number) => ({
  type: 'Polygon', coordinates: [[[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h], [x0, y0]]],
});
/** Two halves of the world: every demo request lies in one of them. */
const HALVES = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { barrio: 'West Half' }, geometry: square(-180, -85, 180, 170) },
    { type: 'Feature', properties: { barrio: 'East Half' }, geometry: square(0, -85, 180, 170) },
  ],
};

describe.each(dialects)('the dashboard admin pages (%s)', (dialect) => {
  let t: WebTestApp;
  const queue = new ManualQueue();
  const staff: Record<string, StaffAuth> = {};

  async function addUser(email: string, role: StaffRole, jurisdictions: JurisdictionScope): Promise<StaffAuth> {
    await t.store.createUser({ email, name: email, role, department_id: null, password_hash: await hashPassword(PASSWORD), jurisdictions });
    const res = await t.postForm('/staff/login', { email, password: PASSWORD });
    const secret = cookieOf(res, SESSION_COOKIE);
    const found = secret === undefined ? undefined : await t.store.findSession(secret);
    if (!found) throw new Error(`login as ${email} failed: ${res.statusCode}`);
    return { cookie: `${SESSION_COOKIE}=${secret}`, csrf: found.session.csrf_token };
  }

  const upload = async (path: string, fields: Record<string, string>, file: { name: string; content: string } | undefined, auth: StaffAuth) => {
    const body = multipart(Object.entries(fields), file ? [{ field: 'file', filename: file.name, type: 'application/geo+json', bytes: Buffer.from(file.content) }] : []);
    return t.app.inject({ method: 'POST', url: path, payload: body.payload, headers: { 'content-type': body.contentType, cookie: auth.cookie } });
  };
  const audit = async (action: string) => (await t.store.listAudit({ limit: 100 })).filter((e) => e.action === action);

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, jobs: queue });
    await t.store.saveJurisdiction({ id: ALBANY, name: 'Albany', contact: 'Albany 311', key_service: 'Ask Albany', timezone: 'America/New_York' });
    await t.store.saveEndpoint(ENDPOINT);
    staff.admin = await t.login('admin');
    staff.agent = await t.login('agent');
    staff.viewer = await t.login('viewer');
    staff.riverton = await addUser('admin@r.example', 'admin', [RIVERTON]);
    staff.root = await addUser('root@example.org', 'admin', GLOBAL_SCOPE);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the sources within the admin's scope, with the nav entry", async () => {
    const page = await t.get('/staff/dashboards', staff.admin!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/staff/dashboards" aria-current="page">Dashboard</a>');
    expect(page.body).toContain(`href="/staff/dashboards/${encodeURIComponent(LOCAL)}"`);
    expect(page.body).toContain(`href="/staff/dashboards/${encodeURIComponent(`local:${ALBANY}`)}"`);
    expect(page.body).toContain('href="/dashboard"');
    const scoped = (await t.get('/staff/dashboards', staff.riverton!)).body;
    expect(scoped).toContain(encodeURIComponent(LOCAL));
    expect(scoped).not.toContain(encodeURIComponent(`local:${ALBANY}`));
    expect(scoped).not.toContain('/staff/registry');
  });

  it('saves the settings, and puts a refused label back on its field', async () => {
    const saved = await t.postForm(PAGE, { enabled: 'on', area_label: 'Ward' }, staff.admin!);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${PAGE}?done=saved`);
    expect(await t.store.dashboard.getSource(LOCAL)).toMatchObject({ enabled: true, area_label: 'Ward' });
    expect((await t.get(`${PAGE}?done=saved`, staff.admin!)).body).toContain('Settings saved.');
    const refused = await t.postForm(PAGE, { enabled: 'on', area_label: 'x'.repeat(61) }, staff.admin!);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Write at most 60 characters, without line breaks.');
    expect(refused.body).toMatch(/id="source-area-label"[^>]*aria-invalid="true"/);
    expect((await t.store.dashboard.getSource(LOCAL))?.area_label).toBe('Ward');
    expect((await audit('dashboard.source.update')).some((e) => e.details.source === LOCAL && e.details.channel === 'web')).toBe(true);
  });

  it('sets the areas from an uploaded file, with the name property chosen, and rebuilds the source', async () => {
    const file = { name: 'halves.geojson', content: JSON.stringify(HALVES) };
    const res = await upload(`${PAGE}/areas`, { _csrf: staff.admin!.csrf, name_property: 'barrio' }, file, staff.admin!);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${PAGE}?done=areas#areas`);
    expect((await t.store.dashboard.listAreas(LOCAL)).map((a) => a.name).sort()).toEqual(['East Half', 'West Half']);
    const page = (await t.get(`${PAGE}?done=areas`, staff.admin!)).body;
    expect(page).toContain('Areas replaced. The dashboard is being rebuilt.');
    expect(page).toContain('<th scope="row">West Half</th><td><code>west-half</code></td>');
    expect(page).toContain('id="registry-map"');
    await queue.run([JOB.dashboardRebuild]);
    const filter = { source_id: LOCAL, from_day: '2000-01-01', to_day: '2099-12-31' };
    const byArea = await t.store.dashboard.countsByArea(filter);
    expect(byArea.reduce((n, c) => n + c.count, 0)).toBe(await t.store.dashboard.total(filter));
    expect(byArea.filter((c) => c.key === '')).toEqual([]);
    expect((await audit('dashboard.source.areas')).at(0)?.details).toMatchObject({ source: LOCAL, from: 'file', areas: 2 });
  });

  it('an area name with control characters (a NUL) in the file is kept without them, not refused by the store as JSON', async () => {
    const nul = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'North\u0000\u001bSide' }, geometry: square(-180, -85, 360, 170) }] };
    const res = await upload(`${PAGE}/areas`, { _csrf: staff.admin!.csrf }, { name: 'n.geojson', content: JSON.stringify(nul) }, staff.admin!);
    expect(res.statusCode, res.body).toBe(303);
    expect((await t.store.dashboard.listAreas(LOCAL)).map((a) => a.name)).toEqual(['North  Side']);
    const back = await upload(`${PAGE}/areas`, { _csrf: staff.admin!.csrf, name_property: 'barrio' }, { name: 'h.geojson', content: JSON.stringify(HALVES) }, staff.admin!);
    expect(back.statusCode).toBe(303);
  });

  it('shows every refusal of a file with what to fix, and keeps the areas', async () => {
    const unnamed = { name: 'x.geojson', content: JSON.stringify(HALVES) };
    const guessed = await upload(`${PAGE}/areas`, { _csrf: staff.admin!.csrf }, unnamed, staff.admin!);
    expect(guessed.statusCode).toBe(400);
    expect(guessed.body).toContain('The areas were not changed');
    expect(guessed.body).toContain('feature 1: no name found (looked for name, NAME, Name, neighborhood, NEIGHBORHOOD, neighbourhood, …); choose the property with name_property.');
    expect(guessed.body).toContain('feature 2: no name found');
    const notJson = await upload(`${PAGE}/areas`, { _csrf: staff.admin!.csrf }, { name: 'x.geojson', content: '{"type": "Feature' }, staff.admin!);
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain('The file is not JSON: save it as GeoJSON.');
    const noFile = await upload(`${PAGE}/areas`, { _csrf: staff.admin!.csrf }, undefined, staff.admin!);
    expect(noFile.body).toContain('No file was chosen.');
    const big = await upload(`${PAGE}/areas`, { _csrf: staff.admin!.csrf }, { name: 'big.geojson', content: ' '.repeat(5 * 1024 * 1024 + 1) }, staff.admin!);
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('The file is larger than 5 MB.');
    const forged = await upload(`${PAGE}/areas`, { _csrf: 'forged' }, unnamed, staff.admin!);
    expect(forged.statusCode).toBe(403);
    // The server has no registry endpoint for Riverton: said plainly.
    const registry = await t.postForm(`${PAGE}/areas/registry`, {}, staff.admin!);
    expect(registry.statusCode).toBe(400);
    expect(registry.body).toContain('The source has no endpoint in the registry, so the registry has no areas for it.');
    expect(await t.store.dashboard.listAreas(LOCAL)).toHaveLength(2);
  });

  it('queues a rebuild', async () => {
    await queue.run([JOB.dashboardRebuild]);
    const before = queue.jobs(JOB.dashboardRebuild).length;
    const res = await t.postForm(`${PAGE}/rebuild`, {}, staff.admin!);
    expect(res.headers.location).toBe(`${PAGE}?done=rebuilt`);
    expect(queue.jobs(JOB.dashboardRebuild).length).toBe(before + 1);
    expect((await audit('dashboard.source.rebuild')).length).toBe(1);
    expect((await t.postForm(`${PAGE}/rebuild`, { _csrf: 'forged' }, staff.admin!)).statusCode).toBe(403);
  });

  it('shows a registry endpoint on the dashboard from its page, and harvests it now', async () => {
    const endpointPage = '/staff/registry/shelby';
    expect((await t.get(endpointPage, staff.admin!)).body).toContain('Not on the dashboard.');
    // Unticked while it has no source: nothing is made.
    await t.postForm(`${endpointPage}/dashboard`, {}, staff.admin!);
    expect(await t.store.dashboard.getSource(SHELBY)).toBeUndefined();
    const shown = await t.postForm(`${endpointPage}/dashboard`, { enabled: 'on' }, staff.admin!);
    expect(shown.headers.location).toBe(`${endpointPage}?done=dashboard-saved#dashboard-section`);
    expect(await t.store.dashboard.getSource(SHELBY)).toMatchObject({ enabled: true, kind: 'endpoint', timezone: 'UTC' });
    const page = (await t.get(endpointPage, staff.admin!)).body;
    expect(page).toContain('Shown on the dashboard: harvesting.');
    expect(page).toContain('href="/dashboard/endpoint/shelby"');
    expect(page).toContain(`href="/staff/dashboards/${encodeURIComponent(SHELBY)}"`);
    expect(page).toContain('Next run');

    const harvest = await t.postForm(`${endpointPage}/dashboard/harvest`, {}, staff.admin!);
    expect(harvest.headers.location).toBe(`${endpointPage}?done=harvest-queued#dashboard-section`);
    expect(queue.jobs(JOB.dashboardHarvest).map((j) => j.data)).toEqual([{ sourceId: SHELBY }]);
    const again = await t.postForm(`/staff/dashboards/${encodeURIComponent(SHELBY)}/harvest`, {}, staff.admin!);
    expect(again.headers.location).toBe(`/staff/dashboards/${encodeURIComponent(SHELBY)}?done=harvest-pending`);
    expect((await audit('dashboard.source.harvest')).map((e) => e.details.queued)).toEqual([false, true]);
    const sourcePage = (await t.get(`/staff/dashboards/${encodeURIComponent(SHELBY)}?done=harvest-pending`, staff.admin!)).body;
    expect(sourcePage).toContain('A harvest of this endpoint is already waiting or running.');
    expect(sourcePage).toContain('Harvest now');

    await t.postForm(`${endpointPage}/dashboard`, {}, staff.admin!);
    expect((await t.store.dashboard.getSource(SHELBY))?.enabled).toBe(false);
    const disabled = await t.postForm(`${endpointPage}/dashboard/harvest`, {}, staff.admin!);
    expect(disabled.headers.location).toBe(`${endpointPage}?done=harvest-disabled#dashboard-section`);
    expect((await t.get('/staff/dashboards', staff.admin!)).body).toContain('Registry endpoint (harvested)');
  });

  it('refuses agents and viewers, hides other jurisdictions, and keeps endpoint sources to global admins', async () => {
    for (const role of ['agent', 'viewer'] as const) {
      expect((await t.get('/staff', staff[role])).body).not.toContain('/staff/dashboards');
      expect((await t.get('/staff/dashboards', staff[role])).statusCode).toBe(403);
      expect((await t.get(PAGE, staff[role])).statusCode).toBe(403);
      expect((await t.postForm(`${PAGE}/rebuild`, {}, staff[role])).statusCode).toBe(403);
    }
    const riverton = staff.riverton!;
    expect((await t.get(PAGE, riverton)).statusCode).toBe(200);
    const albany = `/staff/dashboards/${encodeURIComponent(`local:${ALBANY}`)}`;
    expect((await t.get(albany, riverton)).statusCode).toBe(404);
    expect((await t.postForm(albany, { enabled: 'on', area_label: 'Mine' }, riverton)).statusCode).toBe(404);
    expect((await t.postForm(`${albany}/rebuild`, {}, riverton)).statusCode).toBe(404);
    expect((await upload(`${albany}/areas`, { _csrf: riverton.csrf }, { name: 'x.geojson', content: JSON.stringify(HALVES) }, riverton)).statusCode).toBe(404);
    expect((await t.get(albany, staff.root!)).statusCode).toBe(200);
    const shelby = `/staff/dashboards/${encodeURIComponent(SHELBY)}`;
    expect((await t.get(shelby, riverton)).statusCode).toBe(403);
    expect((await t.postForm(`${shelby}/harvest`, {}, riverton)).statusCode).toBe(403);
    expect((await t.get('/staff/dashboards/nothing', riverton)).statusCode).toBe(404);
    expect((await t.get(`/staff/dashboards/${encodeURIComponent('local:nowhere.example')}`, staff.root!)).statusCode).toBe(404);
    expect((await t.store.dashboard.getSource(`local:${ALBANY}`))?.area_label).toBeNull();
  });

  it('speaks Spanish and French', async () => {
    const es = await t.app.inject({ method: 'GET', url: PAGE, headers: { cookie: staff.admin!.cookie, 'accept-language': 'es' } });
    expect(es.body).toContain('Subir zonas');
    const fr = await t.app.inject({ method: 'GET', url: '/staff/dashboards', headers: { cookie: staff.admin!.cookie, 'accept-language': 'fr' } });
    expect(fr.body).toContain('Sources du tableau de bord');
  });
});
