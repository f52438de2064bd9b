/**
 * The issue-14 proof "address typed → point found → confirmed on the map", in
 * Chromium on a phone: "226 Main St" typed, "Find this address" lists the
 * demo gazetteer's places, one is chosen (the marker moves there), "Use this
 * place" sets the point, the nearby box lists the request already reported
 * there, and the report sent carries the point. axe finds nothing serious
 * with the list open, and the page never scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_JURISDICTION } from '@o311/demo';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { toLatLong } from '../../../demo/src/city.js';
import { expectAccessible, startBrowserSuite, type BrowserSuite } from './support.js';

const PHONE = { width: 375, height: 740 };
// House number n of the demo grid stands 2n metres from City Hall, both ways; even numbers on the north side.
const POINTS = [toLatLong(452, 10), toLatLong(-452, 10)];

let s: BrowserSuite;
beforeAll(async () => {
  s = await startBrowserSuite();
});
afterAll(() => s?.close());

/** A pothole already reported at the point, sent as the plain form would. */
async function seedAt(point: { lat: number; long: number }): Promise<string> {
  const body = new URLSearchParams({ lat: String(point.lat), long: String(point.long), 'attribute[LOCATION]': 'travel_lane', 'attribute[SIZE]': 'large', description: 'Already here' });
  const res = await fetch(s.url('/report/POTHOLE'), { method: 'POST', body, redirect: 'manual' });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location') ?? '', s.origin).searchParams.get('id') ?? '';
}

const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

describe.skipIf(!browserAvailable)('a typed address is located (issue 14)', () => {
  it('finds, previews, confirms and sends the point of "226 Main St"', { timeout: 60_000 }, async () => {
    const existing = await Promise.all(POINTS.map(seedAt));
    const { page, errors } = await s.open('/report/POTHOLE', { viewport: PHONE, axe: true });
    await page.locator('#report-map .leaflet-tile-pane').waitFor({ state: 'attached' });

    await page.getByLabel(/Address/).first().fill('226 Main St');
    await page.getByRole('button', { name: 'Find this address' }).click();
    const list = page.getByRole('group', { name: 'Places found for “226 Main St”' });
    await list.waitFor();
    const choices = list.getByRole('button', { name: /^226 Main St/ });
    expect(await choices.count()).toBe(2);
    await expectAccessible(page, 'report form with the places found');
    expect(await sideways(page), 'no sideways scroll at 375 px').toBeLessThanOrEqual(0);
    await screenshot(page, 'geocode-candidates-phone');

    // Choosing previews the place: the marker is there, the point not set yet.
    await choices.first().click();
    expect(await choices.first().getAttribute('aria-pressed')).toBe('true');
    await page.locator('#report-map .leaflet-marker-icon').waitFor();
    expect(await page.locator('#f-lat').inputValue()).toBe('');
    expect(await page.locator('#geocode-status').textContent()).toBe('On the map: 226 Main St. Use this place to confirm it.');

    await page.getByRole('button', { name: 'Use this place' }).click();
    await expect.poll(() => page.locator('#geocode-status').textContent()).toBe('Location set to 226 Main St.');
    const lat = Number(await page.locator('#f-lat').inputValue());
    const long = Number(await page.locator('#f-long').inputValue());
    const chosen = POINTS.findIndex((p) => Math.abs(p.lat - lat) < 1e-6 && Math.abs(p.long - long) < 1e-6);
    expect(chosen, `the point set (${lat}, ${long}) is one of the places found`).toBeGreaterThanOrEqual(0);
    // The marker stands where the point is: Leaflet's marker is drawn at the map's centre once the pan
    // (animated, so on a loaded machine still moving when the point is set) has ended.
    const offCentre = async (): Promise<number> => {
      const marker = await page.locator('#report-map .leaflet-marker-icon').boundingBox();
      const map = await page.locator('#report-map').boundingBox();
      return Math.abs((marker?.x ?? 0) + (marker?.width ?? 0) / 2 - ((map?.x ?? 0) + (map?.width ?? 0) / 2));
    };
    await expect.poll(offCentre).toBeLessThan(3);

    // The nearby box now lists the request already reported at that place.
    const box = page.getByRole('region', { name: 'Already reported nearby?' });
    await expect.poll(() => box.getByRole('listitem').filter({ hasText: `Request ${existing[chosen]},` }).count()).toBe(1);

    await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
    await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('Larger than a car tire').check();
    await Promise.all([page.waitForURL(/\/report\/POTHOLE\/sent\?id=/), page.getByRole('button', { name: 'Send report' }).click()]);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    const stored = await s.store.getRequest(DEMO_JURISDICTION.id, id);
    expect(stored).toMatchObject({ lat: POINTS[chosen]?.lat, long: POINTS[chosen]?.long, address: '226 Main St' });
    expect(errors).toEqual([]);
  });

  it('says so when nothing is found, and keeps the address only when asked', { timeout: 30_000 }, async () => {
    const { page, errors } = await s.open('/report/POTHOLE?lang=fr', { locale: 'fr-FR', axe: true });
    const address = page.locator('input[name="address_string"]');
    await address.fill('9 Nowhere Lane');
    await address.press('Enter');
    await expect.poll(() => page.locator('#geocode-status').textContent()).toMatch(/^Aucun lieu trouvé pour « 9 Nowhere Lane »/);
    await address.fill('Oak St');
    await page.getByRole('button', { name: 'Trouver cette adresse' }).click();
    await page.getByRole('button', { name: 'Aucun de ceux-ci : envoyer l’adresse seule' }).click();
    expect(await page.locator('#geocode-status').textContent()).toBe('Le signalement sera envoyé avec l’adresse seule.');
    expect(await page.locator('#f-lat').inputValue()).toBe('');
    expect(errors).toEqual([]);
  });
});
