/**
 * Moderation in Chromium (issue 14, item 8 and its proof): an agent hides a
 * photo from the staff request page; it is gone from the public tracker page,
 * from the GeoReport API in JSON and XML and from the feeds, its media URL
 * answers 404, and staff still see it marked hidden with "Show again". The
 * page (with the admin's log) has no serious axe problem and does not scroll
 * sideways on a 375 px phone.
 */
import { DEMO_JURISDICTION } from '@o311/demo';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredRequest } from '@o311/store';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { seedRequest } from '../support/back-office.js';
import { expectAccessible, signIn, startBrowserSuite, type BrowserSuite } from './support.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7359a0000000049454e44ae426082', 'hex');
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

interface PageWindow { innerWidth: number; document: { documentElement: { scrollWidth: number } } }
const pageOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    return w.document.documentElement.scrollWidth - w.innerWidth;
  });

describe.skipIf(!browserAvailable)('moderation in Chromium', () => {
  let s: BrowserSuite;
  let r: StoredRequest;
  const text = async (path: string): Promise<string> => {
    const res = await fetch(s.url(path));
    expect(res.status, path).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    s = await startBrowserSuite();
    const service = (await s.store.listServices(DEMO_JURISDICTION.id))[0]!;
    r = await seedRequest(s.store, {
      service_code: service.service_code, description: 'Bench broken by the pond', lat: 41.5, long: -90.5,
      media: [{ content_type: 'image/png', filename: 'a.png', bytes: PNG }, { content_type: 'image/png', filename: 'b.png', bytes: Buffer.concat([PNG, Buffer.from([7])]) }],
    });
  });
  afterAll(() => s?.close());

  it('an agent hides a photo: gone from the tracker, the API in both formats and the feeds; staff see it hidden', { timeout: 40_000 }, async () => {
    const [first, hidden] = r.media_ids as [string, string];
    const before = await s.open(`/track/${r.id}`);
    expect(await before.page.locator(`img[src*="${hidden}"]`).count()).toBe(1);

    const { page, errors } = await s.open();
    await signIn(page, s, 'agent', `/staff/requests/${r.id}`);
    await page.getByLabel('Reason for hiding photo 2').fill('A face is visible');
    await Promise.all([page.waitForURL(/moderated=hide/), page.getByRole('button', { name: 'Hide photo 2' }).click()]);
    expect(await page.getByRole('status').first().textContent()).toBe('It is hidden from the public.');
    const section = page.getByRole('region', { name: 'Moderation' });
    expect(await section.getByText('Hidden', { exact: true }).count()).toBe(1);
    expect(await section.getByRole('button', { name: 'Show again' }).count()).toBe(1);
    expect(await section.getByRole('img', { name: `Hidden photo ${hidden}` }).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    expect(errors).toEqual([]);

    const tracker = await s.open(`/track/${r.id}`);
    expect(await tracker.page.locator(`img[src*="${hidden}"]`).count()).toBe(0);
    expect(await tracker.page.locator(`img[src*="${first}"]`).count()).toBe(1);
    expect(await tracker.page.content()).not.toContain(hidden);
    for (const path of [
      `/open311/v2/requests/${r.id}.json?extensions=true`, `/open311/v2/requests/${r.id}.xml?extensions=true`,
      `/open311/v2/requests.json?extensions=true&service_request_id=${r.id}`, `/open311/v2/requests.xml?extensions=true&service_request_id=${r.id}`,
      `/track/${r.id}/feed.atom`, '/open-data/updates.atom', '/open-data/requests.ndjson',
    ]) {
      const body = await text(path);
      expect(body, path).not.toContain(hidden);
    }
    expect(await text(`/open311/v2/requests/${r.id}.xml?extensions=true`)).toContain(first);
    expect((await fetch(s.url(`/open311/v2/media/${hidden}`))).status).toBe(404);
    expect((await s.store.moderation.hidden(DEMO_JURISDICTION.id, r.id)).map((h) => h.target_id)).toEqual([hidden]);
  });

  it('the request page with moderation is accessible and fits a phone, for an agent and an admin', { timeout: 40_000 }, async () => {
    await s.store.moderation.redact({
      jurisdiction_id: DEMO_JURISDICTION.id, request_id: r.id, target: 'description', text: 'Bench broken by the [redacted]', reason: 'Test', actor: 'test', at: Date.now(),
    });
    for (const role of ['agent', 'admin'] as const) {
      for (const viewport of [DESKTOP, PHONE]) {
        const { page } = await s.open(undefined, { axe: true, viewport });
        await signIn(page, s, role, `/staff/requests/${r.id}`);
        await page.locator('#request-moderation details').first().locator('summary').click();
        await expectAccessible(page, `request page with moderation, ${role} ${viewport.width}px`);
        expect(await pageOverflow(page), `${role} ${viewport.width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await screenshot(page, `staff-moderation-${role}-${viewport.width}`);
      }
    }
  });
});
