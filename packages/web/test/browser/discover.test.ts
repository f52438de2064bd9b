/**
 * `/discover` in Chromium: a click on the map, "use my location" and the
 * coordinates form (also with JavaScript off) each bring the endpoints of the
 * spot; axe-core finds no serious violation on the page empty, answered, with
 * errors, or in Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, isolateFromInternet, screenshot } from '../../../../test-support/browser.js';
import { IN_STATE_ONLY, NOWHERE, seedDiscoverRegistry } from '../support/discover-registry.js';
import { expectAccessible, startBrowserSuite, typeInto, type BrowserSuite, type WatchedPage } from './support.js';

const tierHeadings = (w: WatchedPage): Promise<string[]> => w.page.locator('#discover-results h3').allTextContents();

describe.skipIf(!browserAvailable)('/discover in a browser', () => {
  let s: BrowserSuite;
  beforeAll(async () => {
    s = await startBrowserSuite();
    await seedDiscoverRegistry(s.store);
  });
  afterAll(() => s?.close());

  it('a click on the map brings every tier covering the spot, and the URL follows', async () => {
    const w = await s.open('/discover');
    const map = w.page.locator('#discover-map');
    await map.waitFor({ state: 'visible' });
    // The map opens on the demo city's reports, inside every test boundary.
    await map.click({ position: { x: 300, y: 140 } });
    await w.page.locator('#endpoint-riverton').waitFor();
    expect(await tierHeadings(w)).toEqual(['City', 'County', 'State or province', 'Nation']);
    await expect.poll(() => w.page.locator('#discover-status').textContent()).toBe('4 endpoints cover this spot, from the smallest area to the largest.');
    const lat = Number(await w.page.locator('#discover-lat').inputValue());
    const long = Number(await w.page.locator('#discover-long').inputValue());
    expect(lat).toBeGreaterThan(41.5);
    expect(long).toBeLessThan(-93.55);
    const url = new URL(w.page.url());
    expect(url.pathname).toBe('/discover');
    expect(Number(url.searchParams.get('lat'))).toBe(lat);
    await expect(w.page.getByRole('link', { name: 'Report a problem here' }).getAttribute('href')).resolves.toBe('/');
    await screenshot(w.page, 'pages-discover');
    // Another language keeps the spot.
    await Promise.all([w.page.waitForURL(/lang=fr/), w.page.getByRole('link', { name: 'Français' }).click()]);
    expect(await tierHeadings(w)).toEqual(['Ville', 'Comté', 'État ou province', 'Nation']);
    expect(w.errors).toEqual([]);
  });

  it('"use my location" looks up where the browser is', async () => {
    const w = await s.open('/discover');
    await w.context.grantPermissions(['geolocation'], { origin: s.origin });
    await w.context.setGeolocation({ latitude: IN_STATE_ONLY.lat, longitude: IN_STATE_ONLY.long });
    await w.page.getByRole('button', { name: 'Use my location' }).click();
    await w.page.locator('#endpoint-prairie').waitFor();
    expect(await tierHeadings(w)).toEqual(['State or province', 'Nation']);
    expect(w.errors).toEqual([]);
  });

  it('the coordinates form works by keyboard and says when nothing covers the spot', async () => {
    const w = await s.open('/discover');
    await typeInto(w.page, w.page.getByLabel('Latitude'), String(NOWHERE.lat));
    await typeInto(w.page, w.page.getByLabel('Longitude'), String(NOWHERE.long));
    await Promise.all([w.page.waitForURL(/\/discover\?lat=30&long=-40$/), w.page.getByLabel('Longitude').press('Enter')]);
    await expect(w.page.locator('#discover-results-summary').textContent()).resolves.toContain('No Open311 endpoint covers this spot.');

    await w.page.getByLabel('Latitude').fill('ninety');
    await Promise.all([w.page.waitForURL(/lat=ninety/), w.page.getByRole('button', { name: 'Find endpoints' }).click()]);
    await w.page.getByRole('alert', { name: 'There is a problem' }).waitFor();
    await w.page.getByRole('link', { name: 'Enter a decimal number, for example 41.59' }).click();
    await expect.poll(() => w.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('discover-lat');
    // The browser logs the page's 400 itself; nothing else may go wrong.
    expect(w.errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('works with JavaScript off: no map, the form answers', async () => {
    const context = await s.session.browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    try {
      await isolateFromInternet(context, s.origin);
      const page = await context.newPage();
      await page.goto(s.url('/discover'));
      expect(await page.locator('#discover-map-block').isVisible()).toBe(false);
      await page.getByLabel('Latitude').fill('41.5868');
      await page.getByLabel('Longitude').fill('-93.625');
      await Promise.all([page.waitForURL(/lat=41\.5868&long=-93\.625/), page.getByRole('button', { name: 'Find endpoints' }).click()]);
      expect(await page.locator('#discover-results h3').allTextContents()).toEqual(['City', 'County', 'State or province', 'Nation']);
    } finally {
      await context.close();
    }
  });

  it('fits a phone without sideways scrolling', async () => {
    const w = await s.open('/discover?lat=41.5868&long=-93.625', { viewport: { width: 390, height: 844 } });
    await w.page.locator('#discover-map').waitFor({ state: 'visible' });
    const overflow = await w.page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(w.page, 'pages-discover-phone');
  });

  it.each([
    { name: 'empty', path: '/discover', status: 200 },
    { name: 'answered', path: '/discover?lat=41.5868&long=-93.625', status: 200 },
    { name: 'nothing covers the spot', path: `/discover?lat=${NOWHERE.lat}&long=${NOWHERE.long}`, status: 200 },
    { name: 'bad coordinates', path: '/discover?lat=north&long=-200', status: 400 },
    { name: 'answered in Spanish', path: '/discover?lat=41.5868&long=-93.625&lang=es', status: 200 },
  ])('axe-core: $name', async ({ name, path, status }) => {
    const w = await s.open(undefined, { axe: true });
    const res = await w.page.goto(s.url(path));
    expect(res?.status()).toBe(status);
    // Open every service list, so that their contents are checked too.
    for (const d of await w.page.locator('details').all()) await d.locator('summary').click();
    await expectAccessible(w.page, `discover: ${name}`);
  });
});
