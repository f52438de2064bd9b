/**
 * `/open-data` in Chromium: axe-core finds no serious violation in English,
 * Spanish and French, the page does not scroll sideways on a phone, and the
 * CSV link downloads the file the server streams, whose rows equal the
 * store's count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../../../../test-support/browser.js';
import { expectAccessible, startBrowserSuite, type BrowserSuite } from './support.js';

interface PageRoot {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

describe.skipIf(!browserAvailable)('/open-data in a browser', () => {
  let s: BrowserSuite;
  beforeAll(async () => {
    s = await startBrowserSuite();
  });
  afterAll(() => s?.close());

  for (const locale of ['en-US', 'es-ES', 'fr-FR']) {
    it(`has no serious accessibility violation (${locale})`, async () => {
      const { page, errors } = await s.open('/open-data', { locale, axe: true });
      expect(await page.locator('h1').count()).toBe(1);
      await expectAccessible(page, `open data ${locale}`);
      expect(errors).toEqual([]);
    });
  }

  it('fits a phone and downloads the CSV of every request', async () => {
    const { page } = await s.open('/open-data', { viewport: { width: 390, height: 844 } });
    const sideways = await page.evaluate(() => {
      const root = (globalThis as unknown as PageRoot).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(sideways).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[href="/open-data/requests.csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^requests-.+\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path, 'utf8');
    const primary = await s.store.primaryJurisdiction();
    // Each record ends with CRLF; line breaks inside descriptions are quoted LFs.
    expect(text.split('\r\n').length - 2).toBe(await s.store.countRequests({ jurisdiction_id: primary!.id }));
  });
});
