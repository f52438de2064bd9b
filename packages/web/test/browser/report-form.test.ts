/**
 * The report form's issue-14 journeys in Chromium, on a phone: the point
 * placed on the map brings the nearby box right under it with distance,
 * photo and status; "Me too" counts the visitor on the tracker; a text file
 * named .jpg and a fourth photo are refused by name before sending; Back
 * after sending, then Send again, lands on the first request's page. axe
 * finds nothing serious and the page never scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_JURISDICTION } from '@o311/demo';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { pngPhoto } from '../fixtures/photo.js';
import { expectAccessible, startBrowserSuite, type BrowserSuite } from './support.js';

const PHONE = { width: 375, height: 740 };
const PHOTO = pngPhoto({ width: 40, height: 30 });

let s: BrowserSuite;
beforeAll(async () => {
  s = await startBrowserSuite();
});
afterAll(() => s?.close());

const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

const count = () => s.store.countRequests({ jurisdiction_id: DEMO_JURISDICTION.id });

/** A pothole with a photo at the point, sent as the plain form would (no browser). */
async function seedNear(lat: number, long: number): Promise<string> {
  const body = new FormData();
  for (const [k, v] of Object.entries({ lat: String(lat), long: String(long), 'attribute[LOCATION]': 'travel_lane', 'attribute[SIZE]': 'large', description: 'Seeded hole' })) body.set(k, v);
  body.append('media', new Blob([PHOTO], { type: 'image/png' }), 'seed.png');
  const res = await fetch(s.url('/report/POTHOLE'), { method: 'POST', body, redirect: 'manual' });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location') ?? '', s.origin).searchParams.get('id') ?? '';
}

async function placePoint(page: Page): Promise<{ lat: number; long: number }> {
  const map = page.locator('#report-map');
  await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
  await map.scrollIntoViewIfNeeded();
  await map.click({ position: { x: 150, y: 120 } });
  await expect.poll(() => page.locator('#location-status').textContent()).toMatch(/^Marker placed at/);
  return { lat: Number(await page.locator('#f-lat').inputValue()), long: Number(await page.locator('#f-long').inputValue()) };
}

async function fillRequired(page: Page): Promise<void> {
  await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
  await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('Larger than a car tire').check();
}

describe.skipIf(!browserAvailable)('the report form on a phone (issue 14)', () => {
  it('placing the point shows the nearby box under the map; "Me too" is counted on the tracker', { timeout: 40_000 }, async () => {
    const { page, errors } = await s.open('/report/POTHOLE', { viewport: PHONE, axe: true });
    const point = await placePoint(page);
    const id = await seedNear(point.lat + 0.0003, point.long);
    // Placing the point again (the request now exists) refreshes the box.
    await placePoint(page);
    const box = page.getByRole('region', { name: 'Already reported nearby?' });
    await box.waitFor();
    const item = box.getByRole('listitem').filter({ hasText: `Request ${id},` });
    await expect.poll(() => item.locator('.nearby-distance').textContent()).toMatch(/^\d+ m away$/);
    expect(await item.locator('.nearby-status').textContent()).toBe('Status: Open');
    expect(await item.getByRole('img', { name: `Photo of request ${id}` }).count()).toBe(1);
    // Right under the map, not far below: its heading is on the screen once the map is.
    const mapBox = await page.locator('#report-map').boundingBox();
    const boxTop = (await box.boundingBox())?.y ?? Infinity;
    expect(boxTop - ((mapBox?.y ?? 0) + (mapBox?.height ?? 0))).toBeLessThan(150);
    await expectAccessible(page, 'report form with the nearby box');
    expect(await sideways(page), 'no sideways scroll at 375 px').toBeLessThanOrEqual(0);
    await screenshot(page, 'report-form-nearby-phone');

    await Promise.all([page.waitForURL(new RegExp(`/track/${id}\\?support=added`)), item.getByRole('button', { name: /^Me too/ }).click()]);
    await expect.poll(() => page.locator('#support-count').textContent()).toBe('1 person reported this too');
    expect(await page.getByRole('status').filter({ hasText: 'Thank you: your report was added' }).count()).toBe(1);
    await expectAccessible(page, 'tracker after me too');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(await s.store.supporters.count(DEMO_JURISDICTION.id, id)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('a text file named .jpg is "not a photo"; a fourth photo is named; the native "No file chosen" is gone', { timeout: 30_000 }, async () => {
    const { page, errors } = await s.open('/report/POTHOLE', { viewport: PHONE, axe: true });
    const chooser = page.locator('#photo-button');
    await expect.poll(() => chooser.isVisible()).toBe(true);
    expect(await page.locator('#f-photos').evaluate((el) => (el as unknown as { className: string }).className)).toContain('file-input-hidden');
    await page.locator('#f-photos').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Shopping list: milk, eggs') });
    await expect.poll(() => page.locator('#photo-status').textContent()).toBe('notes.jpg is not a photo, so it was not added.');
    expect(await page.locator('#photo-previews img').count()).toBe(0);

    const four = ['a.png', 'b.png', 'c.png', 'd.png'].map((name) => ({ name, mimeType: 'image/png', buffer: PHOTO }));
    await page.locator('#f-photos').setInputFiles(four);
    await expect.poll(() => page.locator('#photo-status').textContent()).toBe('At most 3 photos: d.png was not added.');
    expect(await page.locator('#photo-previews img').count()).toBe(3);
    await expectAccessible(page, 'report form with photo messages');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('a long description shows its count near the limit', { timeout: 20_000 }, async () => {
    const { page } = await s.open('/report/POTHOLE', { viewport: PHONE });
    const area = page.getByLabel(/^Describe the problem/);
    const max = Number(await area.getAttribute('data-max'));
    await area.fill('x'.repeat(max - 1));
    await expect.poll(() => page.locator('#description-count').textContent()).toBe('1 character left');
    await area.fill('x'.repeat(max + 2));
    await expect.poll(() => page.locator('#description-count').textContent()).toBe('2 characters too many: shorten the description.');
    expect((await area.inputValue()).length).toBe(max + 2);
  });

  it('a description over the limit is named in the reader\'s language before sending; at the limit in ten lines it is filed', { timeout: 40_000 }, async () => {
    const { page, errors } = await s.open('/report/POTHOLE?lang=es');
    await page.locator('#report-map .leaflet-tile-pane').waitFor({ state: 'attached' });
    await page.locator('#report-map').click({ position: { x: 150, y: 120 } });
    await expect.poll(() => page.locator('#f-lat').inputValue()).not.toBe('');
    await page.locator('input[name="attribute[LOCATION]"]').first().check();
    await page.locator('input[name="attribute[SIZE]"]').first().check();
    const area = page.locator('#f-description');
    const max = Number(await area.getAttribute('data-max'));
    const before = await count();
    await area.fill('x'.repeat(max + 2));
    await page.locator('#submit-report').click();
    await expect.poll(() => page.locator('#error-summary').textContent()).toContain(`La descripción tiene ${(max + 2).toLocaleString('es')} caracteres`);
    expect(await count()).toBe(before);
    // Typed in lines, the browser sends each break as CRLF: still the limit, and filed.
    await area.fill(`${'y'.repeat(max / 10 - 1)}\n`.repeat(10));
    await Promise.all([page.waitForURL(/\/report\/POTHOLE\/sent\?id=/), page.locator('#submit-report').click()]);
    expect(await count()).toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it('Back after sending, then Send again, lands on the first request\'s page and files nothing more', { timeout: 40_000 }, async () => {
    const { page, errors } = await s.open('/report/POTHOLE');
    await placePoint(page);
    await fillRequired(page);
    await page.getByLabel(/^Describe the problem/).fill('Sent once, on purpose');
    const before = await count();
    await Promise.all([page.waitForURL(/\/report\/POTHOLE\/sent\?id=/), page.getByRole('button', { name: 'Send report' }).click()]);
    const first = page.url();
    expect(await count()).toBe(before + 1);
    await page.goBack();
    await page.waitForURL(/\/report\/POTHOLE$/);
    await expect.poll(() => page.getByLabel(/^Describe the problem/).inputValue()).toBe('Sent once, on purpose');
    await Promise.all([page.waitForURL(/\/report\/POTHOLE\/sent\?id=/), page.getByRole('button', { name: 'Send report' }).click()]);
    expect(page.url()).toBe(first);
    expect(await count()).toBe(before + 1);

    // Back again, the text changed, Send: the form says it was sent already, and files nothing.
    await page.goBack();
    await page.waitForURL(/\/report\/POTHOLE$/);
    await page.getByLabel(/^Describe the problem/).fill('Sent once, then changed');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByRole('alert', { name: 'There is a problem' }).textContent()).toContain('This form was already sent.');
    expect(await count()).toBe(before + 1);
    // Chromium logs the API's 422 answer itself; the page raised nothing.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });
});
