/**
 * The registry admin in Chromium (issue 10): a global admin adds an endpoint,
 * uploads its boundary as a file and sees it on the map; the public
 * `/discover` page then finds the endpoint where the map is clicked. axe-core
 * finds no serious violation on the admin's pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { expectAccessible, signIn, startBrowserSuite, type BrowserSuite, type WatchedPage } from './support.js';

/** A square around the demo city, where `/discover`'s map opens. */
const AROUND_RIVERTON = {
  type: 'Feature',
  properties: { name: 'Lakeside water district' },
  geometry: { type: 'Polygon', coordinates: [[[-93.9, 41.4], [-93.3, 41.4], [-93.3, 41.8], [-93.9, 41.8], [-93.9, 41.4]]] },
};

describe.skipIf(!browserAvailable)('the registry admin in a browser', () => {
  let s: BrowserSuite;
  let w: WatchedPage;
  beforeAll(async () => {
    s = await startBrowserSuite();
    w = await s.open(undefined, { axe: true });
  });
  afterAll(() => s?.close());

  it('adds an endpoint', async () => {
    await signIn(w.page, s, 'admin', '/staff/registry/new');
    await expectAccessible(w.page, 'registry: new endpoint');
    await w.page.locator('#endpoint-name').fill('Lakeside Water');
    await w.page.locator('#endpoint-slug').fill('lakeside-water');
    await w.page.locator('#endpoint-tier').selectOption('utility');
    await w.page.locator('#endpoint-base-url').fill('https://water.lakeside.example/open311/v2/');
    await Promise.all([
      w.page.waitForURL((u) => u.pathname === '/staff/registry/lakeside-water'),
      w.page.getByRole('button', { name: 'Add the endpoint' }).click(),
    ]);
    await w.page.getByText('The endpoint is added').waitFor();
    expect(await s.store.getEndpoint('lakeside-water')).toMatchObject({ tier: 'utility', boundary_id: null });
  });

  it('uploads its boundary as a file and shows it on the map', async () => {
    await w.page.locator('#boundary-file').setInputFiles({
      name: 'lakeside.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(AROUND_RIVERTON)),
    });
    await w.page.locator('#boundary-name').fill('Lakeside water district');
    await Promise.all([
      w.page.waitForURL((u) => u.searchParams.get('done') === 'attached'),
      w.page.getByRole('button', { name: 'Upload and attach' }).click(),
    ]);
    await w.page.locator('#registry-map .leaflet-interactive').first().waitFor();
    expect(await w.page.getByText('Lakeside water district (utility), 1 polygon(s)').count()).toBe(1);
    await expectAccessible(w.page, 'registry: endpoint with boundary');
    await screenshot(w.page, 'staff-registry-endpoint');
    expect(w.errors).toEqual([]);
  });

  it('lists it, and /discover finds it where the map is clicked', async () => {
    await w.page.goto(s.url('/staff/registry'));
    await w.page.getByRole('link', { name: 'Lakeside Water' }).waitFor();
    await expectAccessible(w.page, 'registry: list');

    const visitor = await s.open('/discover');
    const map = visitor.page.locator('#discover-map');
    await map.waitFor({ state: 'visible' });
    await map.click({ position: { x: 300, y: 140 } });
    await visitor.page.locator('#endpoint-lakeside-water').waitFor();
    expect(await visitor.page.locator('#endpoint-lakeside-water').textContent()).toContain('Lakeside Water');
    expect(visitor.errors).toEqual([]);
  });
});
