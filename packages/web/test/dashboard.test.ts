/**
 * The dashboard's pages, JSON and downloads over HTTP (inject), on a source
 * with known facts (support/dashboard-data.ts): filters, every bad filter a
 * 400, unknown and disabled sources 404, the JSON parts (as /docs describes
 * them), and downloads of exactly the filter. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type WebTestApp } from './support/app.js';
import { documentedSchema, shapeOf } from './support/documented-shape.js';
import { FACTS, NOW, PAGE, SOURCE_ID, TODAY, YESTERDAY, seedDashboardSource } from './support/dashboard-data.js';

let t: WebTestApp;
const api = (part: string, query = ''): string => `/dashboard/api/${encodeURIComponent(SOURCE_ID)}/${part}${query ? `?${query}` : ''}`;
const get = (url: string, lang = 'en') => t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

describe.each(dialects)('the dashboard over HTTP (%s)', (dialect) => {
  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, seedDemo: false, app: { now: () => NOW } });
    await seedDashboardSource(t.store);
  });
  afterAll(() => t?.close());

  /** The text of a brief figure's cell, tags removed. */
  function cell(body: string, fig: string): string {
    const m = new RegExp(`data-fig="${fig}">(.*?)</td>`).exec(body);
    return (m?.[1] ?? '').replace(/<[^>]+>/g, '');
  }

  describe('the page', () => {
    it('shows yesterday\'s brief and the last 30 days by default', async () => {
      const res = await get(PAGE);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Daily brief: Test City</h1>');
      expect(res.body).toContain(`name="day" value="${YESTERDAY}"`);
      expect(res.body).toContain('name="from" value="2026-02-10"');
      expect(res.body).toContain(`name="to" value="${TODAY}"`);
      expect(cell(res.body, 'opened')).toBe('4');
      expect(cell(res.body, 'opened-before')).toBe('1');
      expect(cell(res.body, 'opened-change')).toBe('▲ up 3');
      expect(cell(res.body, 'closed')).toBe('1');
      expect(cell(res.body, 'median_close_hours')).toBe('2 h');
      expect(res.body).toContain('Requests opened in the range: 7');
      expect(res.body).toMatch(/<th scope="row">Pothole<\/th><td class="status-figure">3<\/td><td class="status-figure">1<\/td>/);
      expect(res.body).toContain('href="/dashboard/endpoint/testcity/requests.csv?day=2026-03-10&amp;from=2026-02-10&amp;to=2026-03-11"');
      expect(res.body).toContain('<a href="/dashboard">Dashboard</a>');
    });

    it('narrows every figure by service, group, area and status', async () => {
      const byService = await get(`${PAGE}?service=graffiti`);
      expect(cell(byService.body, 'opened')).toBe('1');
      expect(byService.body).toContain('Requests opened in the range: 3');
      const byGroup = await get(`${PAGE}?group=Streets`);
      expect(byGroup.statusCode).toBe(200);
      // A harvested source's groups come from its facts: Streets is the potholes.
      expect(cell(byGroup.body, 'opened')).toBe('3');
      expect(byGroup.body).toContain('Requests opened in the range: 4');
      const byArea = await get(`${PAGE}?area=north`);
      expect(cell(byArea.body, 'opened')).toBe('3');
      expect(byArea.body).toContain('Requests opened in the range: 3');
      const open = await get(`${PAGE}?status=open`);
      expect(open.body).toContain('Requests opened in the range: 4');
      const both = await get(`${PAGE}?area=north&area=south&service=pothole`);
      expect(both.body).toContain('Requests opened in the range: 4');
    });

    it('writes numbers and dates in the reader\'s language', async () => {
      const res = await get(PAGE, 'fr');
      expect(res.body).toContain('<html lang="fr">');
      expect(res.body).toContain('Bilan du 10 mars 2026');
      expect(cell(res.body, 'opened-change')).toBe('▲ hausse de 3');
    });

    it.each([
      ['day=2023-02-30', 'Day of the brief: write a date as YYYY-MM-DD'],
      ['day=yesterday', 'Day of the brief: write a date as YYYY-MM-DD'],
      ['day=1999-12-31', 'Day of the brief: choose a date from 2000-01-01 to tomorrow'],
      ['to=2026-03-13', 'Range to: choose a date from 2000-01-01 to tomorrow'],
      ['from=2026-03-05&to=2026-03-01', 'The range must start on or before the day it ends'],
      ['from=2020-01-01&to=2026-03-01', 'Choose a range of at most five years'],
      ['status=maybe', 'Status now: choose open, closed'],
      [Array.from({ length: 201 }, (_, i) => `area=a${i}`).join('&'), 'Area: choose at most 200'],
      [`service=${'x'.repeat(201)}`, 'Service: a value is too long'],
      ['group=a%01b', 'Group of services: a value is too long'],
    ])('answers %s with 400 and the form saying why', async (query, message) => {
      const res = await get(`${PAGE}?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('There is a problem');
      expect(res.body).toContain(message);
      expect(res.body).not.toContain('data-fig="opened"');
      const json = await get(api('view', query));
      expect(json.statusCode).toBe(400);
      expect(JSON.parse(json.body)).toEqual(expect.arrayContaining([{ code: 400, description: expect.stringContaining(message) }]));
    });

    it('is not found for an unknown or disabled source', async () => {
      for (const url of ['/dashboard/endpoint/nowhere', '/dashboard/endpoint/hidden', '/dashboard/nowhere', '/dashboard']) {
        expect((await get(url)).statusCode, url).toBe(404);
      }
      expect((await get('/dashboard/api/endpoint%3Ahidden/view')).statusCode).toBe(404);
      expect((await get('/dashboard/endpoint/hidden/requests.csv')).statusCode).toBe(404);
    });

    it('is not found for /dashboard/endpoint/ without a slug, even where the served jurisdiction has a dashboard', async () => {
      // The first jurisdiction saved becomes the served (primary) one.
      const served = await t.store.saveJurisdiction({ id: 'served.example', name: 'Served City', contact: 'x', key_service: 'x', timezone: 'UTC' });
      await t.store.dashboard.saveSource({ kind: 'local', ref: served.id, name: served.name, timezone: served.timezone });
      try {
        expect((await get('/dashboard')).statusCode).toBe(200);
        expect((await get('/dashboard/endpoint/')).statusCode).toBe(404);
      } finally {
        await t.store.dashboard.deleteSource(`local:${served.id}`);
        await t.store.deleteJurisdiction(served.id);
      }
    });

    it('lists the enabled sources', async () => {
      const res = await get('/dashboard/sources');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<a href="/dashboard/endpoint/testcity">Test City</a>');
      expect(res.body).not.toContain('Hidden');
    });
  });

  describe('the JSON', () => {
    it('gives the whole view in one answer', async () => {
      const res = await get(api('view'));
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['server-timing']).toMatch(/^app;dur=/);
      const v = JSON.parse(res.body);
      expect(v.source).toMatchObject({ id: SOURCE_ID, name: 'Test City', timezone: 'UTC' });
      expect(v.filter).toEqual({ day: YESTERDAY, from: '2026-02-10', to: TODAY, areas: [], services: [], groups: [], status: 'any', channels: [] });
      expect(v.brief.day).toMatchObject({ opened: 4, closed: 1, median_close_hours: 2 });
      expect(v.brief.week_before).toMatchObject({ opened: 1 });
      expect(v.brief.top_services[0]).toEqual({ key: 'pothole', name: 'Pothole', count: 3, week_before: 1 });
      expect(v.brief.top_areas[0]).toMatchObject({ key: 'north', name: 'North End', count: 3 });
      expect(v.volume.bucket).toBe('day');
      expect(v.volume.points).toHaveLength(30);
      expect(v.volume.points.reduce((n: number, p: { opened: number }) => n + p.opened, 0)).toBe(7);
      expect(v.close_times.buckets.map((b: { count: number }) => b.count).reduce((a: number, b: number) => a + b)).toBe(3);
      expect(v.backlog.buckets.map((b: { count: number }) => b.count).reduce((a: number, b: number) => a + b)).toBe(4);
      expect(v.areas).toEqual(expect.arrayContaining([{ id: 'north', name: 'North End', count: 3 }, { id: 'south', name: 'South Side', count: 3 }]));
      expect(v.total).toBe(7);
      expect(v.points).toMatchObject({ shown: 6, total: 7 });
      expect(v.links.csv).toBe('/dashboard/endpoint/testcity/requests.csv?day=2026-03-10&from=2026-02-10&to=2026-03-11');
    });

    it('leaves the channel out for a harvested endpoint (its requests do not say theirs), and refuses an unknown one', async () => {
      const v = JSON.parse((await get(api('view', 'channel=phone'))).body);
      expect(v.filter.channels).toEqual(['phone']);
      expect(v.total).toBe(7);
      expect((await get(PAGE)).body).not.toContain('name="channel"');
      expect((await get(api('view', 'channel=pigeon'))).statusCode).toBe(400);
    });

    it('gives each part alone, the areas and points as GeoJSON', async () => {
      const q = 'area=north';
      expect(JSON.parse((await get(api('brief', q))).body).day.opened).toBe(3);
      expect(JSON.parse((await get(api('volume', 'from=2025-01-01&to=2026-03-11'))).body).bucket).toBe('week');
      expect(JSON.parse((await get(api('volume', 'from=2023-01-01&to=2026-03-11'))).body).bucket).toBe('month');
      expect(JSON.parse((await get(api('close-times', q))).body).buckets[1]).toEqual({ from: 1, to: 4, count: 1 });
      expect(JSON.parse((await get(api('backlog', q))).body).unit).toBe('days');
      const areas = JSON.parse((await get(api('areas', q))).body);
      expect(areas.type).toBe('FeatureCollection');
      expect(areas.features.map((f: { properties: unknown }) => f.properties)).toEqual(expect.arrayContaining([
        { id: 'north', name: 'North End', count: 3 }, { id: 'south', name: 'South Side', count: 0 },
      ]));
      const points = JSON.parse((await get(api('points', q))).body);
      expect(points.total).toBe(3);
      expect(points.features).toHaveLength(3);
      expect(points.features[0].geometry).toEqual({ type: 'Point', coordinates: [0.5, 1.5] });
      expect(JSON.stringify(points)).not.toContain('Main St');
    });
  });

  describe('the documents in /docs', () => {
    it.each(['view', 'brief', 'volume', 'close-times', 'backlog', 'areas', 'points'])('describe the answer of %s exactly', async (part) => {
      const schema = await documentedSchema(t.app, `/dashboard/api/{source}/${part}`, 'get', 200);
      expect(shapeOf(JSON.parse((await get(api(part))).body), schema)).toEqual({ undocumented: [], problems: [] });
      const refused = await documentedSchema(t.app, `/dashboard/api/{source}/${part}`, 'get', 400);
      expect(shapeOf(JSON.parse((await get(api(part, 'day=x'))).body), refused)).toEqual({ undocumented: [], problems: [] });
    });

    it('list the downloads', async () => {
      const doc = (await t.app.inject({ url: '/docs/json' })).json<{ paths: Record<string, unknown> }>();
      expect(Object.keys(doc.paths).filter((p) => p.endsWith('requests.csv') && p.startsWith('/dashboard')).sort())
        .toEqual(['/dashboard/endpoint/{slug}/requests.csv', '/dashboard/requests.csv', '/dashboard/{id}/requests.csv']);
    });
  });

  describe('downloads', () => {
    it('are exactly the filter\'s requests, as CSV', async () => {
      const res = await get(`${PAGE}/requests.csv?service=pothole&from=2026-03-01&to=2026-03-11`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toBe('attachment; filename="testcity-2026-03-01-to-2026-03-11.csv"');
      const lines = res.body.trim().split('\r\n');
      expect(lines[0]).toBe('service_request_id,service_code,service_name,service_group,area_id,area_name,status,detailed_status,requested_datetime,updated_datetime,closed_datetime,expected_datetime,lat,long,address,description');
      const ids = lines.slice(1).map((l) => l.split(',')[0]).sort();
      expect(ids).toEqual(['r1', 'r2', 'r3', 'r5']);
      expect(res.body).toContain('"\'=HYPERLINK(""x"") test, with ""quotes"""');
    });

    it('are exactly the filter\'s requests, as GeoJSON', async () => {
      const res = await get(`${PAGE}/requests.geojson?area=south`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/geo+json');
      const doc = JSON.parse(res.body);
      expect(doc.features.map((f: { id: string }) => f.id).sort()).toEqual(['r4', 'r5', 'r6']);
      expect(doc.features[0].properties).not.toHaveProperty('lat');
    });

    it('refuse a bad filter', async () => {
      const res = await get(`${PAGE}/requests.csv?to=nope`);
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(res.body)[0].code).toBe(400);
    });

    it('hold every fact of a wide range', async () => {
      const res = await get(`${PAGE}/requests.csv?from=2026-01-01`);
      expect(res.body.trim().split('\r\n')).toHaveLength(FACTS.length + 1);
    });
  });
});
