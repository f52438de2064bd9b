/**
 * The dashboard admin pages in Chromium (issue 13): an admin opens the
 * dashboard's sources, then Riverton's; an areas file without a name the page
 * can guess is refused with what to fix, then accepted once the property is
 * chosen, and the areas are listed and outlined on the map. The settings are
 * saved. axe-core finds no serious violation (en, es, fr, the refusal), and
 * no page scrolls sideways on a phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { expectAccessible, signIn, startBrowserSuite, type BrowserSuite, type WatchedPage } from './support.js';

const SOURCE_PAGE = `/staff/dashboards/${encodeURIComponent('local:riverton.example')}`;

const square = (x0: number, y0: number, w: number, h: number) => ({
  type: 'Polygon', coordinates: [[[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h], [x0, y0]]],
});
/** Two halves around the demo city, named by a property the page does not guess. */
const HALVES = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { barrio: 'Westside' }, geometry: square(-94, 41.3, 0.4, 0.6) },
    { type: 'Feature', properties: { barrio: 'Eastside' }, geometry: square(-93.6, 41.3, 0.4, 0.6) },
  ],
};

const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

describe.skipIf(!browserAvailable)('the dashboard admin pages in a browser', () => {
  let s: BrowserSuite;
  let w: WatchedPage;
  beforeAll(async () => {
    s = await startBrowserSuite();
    w = await s.open(undefined, { axe: true });
  });
  afterAll(() => s?.close());

  it('lists the sources and opens one', async () => {
    await signIn(w.page, s, 'admin', '/staff/dashboards');
    await w.page.getByRole('link', { name: 'Riverton' }).first().waitFor();
    await expectAccessible(w.page, 'dashboard admin: sources');
    await Promise.all([
      w.page.waitForURL((u) => u.pathname === SOURCE_PAGE),
      w.page.locator(`a[href="${SOURCE_PAGE}"]`).click(),
    ]);
    await w.page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(w.page, 'dashboard admin: source without areas');
  });

  it('refuses a file whose areas have no name it can find, then takes it with the property chosen', async () => {
    const file = { name: 'halves.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(HALVES)) };
    await w.page.locator('#areas-file').setInputFiles(file);
    await w.page.getByRole('button', { name: 'Upload and use these areas' }).click();
    await w.page.getByText('The areas were not changed').waitFor();
    expect(await w.page.getByText('feature 1: no name found').count()).toBe(1);
    await expectAccessible(w.page, 'dashboard admin: refused file');
    // The refusal is a 400 page, which Chromium logs; nothing else went wrong.
    expect(w.errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    w.errors.length = 0;

    await w.page.locator('#areas-file').setInputFiles(file);
    await w.page.locator('#areas-name-property').fill('barrio');
    await Promise.all([
      w.page.waitForURL((u) => u.searchParams.get('done') === 'areas'),
      w.page.getByRole('button', { name: 'Upload and use these areas' }).click(),
    ]);
    await w.page.getByText('Areas replaced. The dashboard is being rebuilt.').waitFor();
    await w.page.getByRole('rowheader', { name: 'Westside' }).waitFor();
    await w.page.locator('#registry-map .leaflet-interactive').nth(1).waitFor();
    expect((await s.store.dashboard.listAreas('local:riverton.example')).map((a) => a.id).sort()).toEqual(['eastside', 'westside']);
    await expectAccessible(w.page, 'dashboard admin: source with areas');
    await screenshot(w.page, 'staff-dashboard-source');
  });

  it('saves the settings', async () => {
    await w.page.getByLabel('What the areas are called').fill('Neighbourhood');
    await Promise.all([
      w.page.waitForURL((u) => u.searchParams.get('done') === 'saved'),
      w.page.getByRole('button', { name: 'Save settings' }).click(),
    ]);
    await w.page.getByText('Settings saved.').waitFor();
    expect((await s.store.dashboard.getSource('local:riverton.example'))?.area_label).toBe('Neighbourhood');
    expect(w.errors).toEqual([]);
  });

  it("shows a registry endpoint on the dashboard from the endpoint's page", async () => {
    await s.store.saveEndpoint({
      slug: 'shelby', name: 'Shelby County 311', tier: 'county', country: 'US', base_url: 'https://311.shelby.example/open311/v2/',
      discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null,
      contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
    });
    await w.page.goto(s.url('/staff/registry/shelby'));
    await w.page.getByText('Not on the dashboard.').waitFor();
    await w.page.getByLabel('Show on the dashboard (harvest its requests)').check();
    await Promise.all([
      w.page.waitForURL((u) => u.searchParams.get('done') === 'dashboard-saved'),
      w.page.locator('#dashboard-section').getByRole('button', { name: 'Save' }).click(),
    ]);
    await w.page.getByText('Shown on the dashboard: harvesting.').waitFor();
    await w.page.getByRole('button', { name: 'Harvest now' }).waitFor();
    expect(await w.page.getByRole('link', { name: 'Public dashboard of this endpoint' }).getAttribute('href')).toBe('/dashboard/endpoint/shelby');
    await expectAccessible(w.page, 'registry: endpoint with its dashboard section');
    await w.page.goto(s.url(`/staff/dashboards/${encodeURIComponent('endpoint:shelby')}`));
    await w.page.getByRole('heading', { name: 'Harvest' }).waitFor();
    await expectAccessible(w.page, 'dashboard admin: endpoint source');
    expect(w.errors).toEqual([]);
  });

  it('reads well in Spanish and French, and on a phone', async () => {
    for (const locale of ['es-ES', 'fr-FR']) {
      const p = await s.open(undefined, { axe: true, locale });
      await signIn(p.page, s, 'admin', '/staff/dashboards');
      await expectAccessible(p.page, `dashboard admin: sources (${locale})`);
      await p.page.goto(s.url(SOURCE_PAGE));
      await expectAccessible(p.page, `dashboard admin: source (${locale})`);
    }
    const phone = await s.open(undefined, { axe: true, viewport: { width: 360, height: 740 } });
    await signIn(phone.page, s, 'admin', '/staff/dashboards');
    expect(await sidewaysScroll(phone.page)).toBeLessThanOrEqual(0);
    await phone.page.goto(s.url(SOURCE_PAGE));
    expect(await sidewaysScroll(phone.page)).toBeLessThanOrEqual(0);
    await expectAccessible(phone.page, 'dashboard admin: source on a phone');
    expect(phone.errors).toEqual([]);
  });
});
