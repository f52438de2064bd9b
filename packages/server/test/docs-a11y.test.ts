/**
 * /docs in Chromium (issue 14, item 12): axe-core finds no serious or critical
 * problem, on a desktop and on a 375 px phone, with the list of operations and
 * with one operation open in try-it mode; the page never scrolls sideways.
 * The server alone (no web apps): /docs is the server's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemoCity } from '@o311/demo';
import { buildApp, type FastifyInstance } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import type { FreshDatabase } from '../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../test-support/migrated-databases.js';
import {
  browserAvailable, describeViolations, isolateFromInternet, launchBrowser, seriousViolations, type BrowserSession,
} from '../../../test-support/browser.js';

const VIEWPORTS = [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 375, height: 800 }] as const;

/** How far the page itself scrolls sideways (code blocks scroll inside their own box). */
const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

describe.skipIf(!browserAvailable)('/docs in a browser', () => {
  let db: FreshDatabase;
  let store: Store;
  let app: FastifyInstance;
  let origin: string;
  let session: BrowserSession;

  beforeAll(async () => {
    db = await freshMigratedUrl('sqlite');
    store = await openStore(db.url);
    await store.migrate();
    await seedDemoCity(store, { requests: 3 });
    app = await buildApp({ store });
    [origin, session] = await Promise.all([app.listen({ port: 0, host: '127.0.0.1' }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await app?.close();
    await store?.close();
    await db?.cleanup();
  });

  it.each(VIEWPORTS)('has no serious axe problem and no sideways scroll on a $name, listed and with an operation open', async (viewport) => {
    const context = await session.newContext({ viewport });
    await isolateFromInternet(context, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/docs`);
    // Swagger UI renders the whole document in the browser: slow on a busy machine.
    await page.locator('.opblock-summary').first().waitFor({ timeout: 45_000 });
    const listed = await seriousViolations(page);
    expect(listed, describeViolations(listed)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

    await page.locator('#operations-GeoReport_v2-postServiceRequest .opblock-summary-control').click();
    await page.locator('#operations-GeoReport_v2-postServiceRequest .btn.execute').waitFor();
    const open = await seriousViolations(page);
    expect(open, describeViolations(open)).toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await context.close();
  }, 60_000);
});
