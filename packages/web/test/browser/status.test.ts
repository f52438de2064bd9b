/**
 * `/status` in Chromium: the overview leads to an endpoint's page, whose four
 * charts Chart.js draws (canvases with pixels on them) over data tables that
 * stay in the page and open on demand; without JavaScript the tables are open.
 * axe-core finds no serious violation on either page, in English, Spanish and
 * French, and on a phone neither page scrolls sideways; at 1,280 px the
 * overview's table fits without scrolling, its times on one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, isolateFromInternet, screenshot } from '../../../../test-support/browser.js';
import { byDay, seedStatus, type SeededStatus } from '../support/status-monitor.js';
import { expectAccessible, startBrowserSuite, type BrowserSuite } from './support.js';

const CHARTS = ['chart-latency', 'chart-uptime', 'chart-requests', 'chart-score'];
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

/** The DOM shapes the in-page callbacks use (the tests are type-checked without the DOM library). */
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
interface PageRoot {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

/** Painted (non-transparent) pixels of a canvas. */
const paintedPixels = (page: Page, id: string): Promise<number> =>
  page.locator(`#${id}`).evaluate((c: PageCanvas) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return 0;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });

const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as PageRoot).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

async function expectChartsDrawn(page: Page): Promise<void> {
  for (const id of CHARTS) {
    const section = page.locator(`#${id}`);
    await expect.poll(() => section.getAttribute('data-drawn')).toBe('true');
    expect(await page.locator(`#${id}-canvas`).isVisible()).toBe(true);
    expect(await paintedPixels(page, `${id}-canvas`), `${id} is drawn`).toBeGreaterThan(500);
    // The table folds away under the chart, and stays in the page.
    expect(await section.locator('details').getAttribute('open')).toBeNull();
  }
}

describe.skipIf(!browserAvailable)('/status in a browser', () => {
  let s: BrowserSuite;
  let seeded: SeededStatus;
  beforeAll(async () => {
    s = await startBrowserSuite();
    seeded = await seedStatus(s.store, Date.now());
  });
  afterAll(() => s?.close());

  it('overview → endpoint page: the charts are drawn and their tables hold the figures', async () => {
    const w = await s.open('/status', { axe: true });
    expect(await w.page.locator('#status-counts').innerText()).toMatch(/1\s+up\s+1\s+down\s+0\s+not answering\s+1\s+not checked yet/);
    await expectAccessible(w.page, 'status overview');
    await screenshot(w.page, 'pages-status');

    await Promise.all([w.page.waitForURL(/sort=p50/), w.page.getByRole('link', { name: /^Latency p50/ }).click()]);
    expect(await w.page.locator('th[aria-sort]').innerText()).toContain('Latency p50');
    await Promise.all([w.page.waitForURL(/\/status\/alpha$/), w.page.getByRole('link', { name: 'Alpha City 311' }).click()]);
    await expectChartsDrawn(w.page);

    // The uptime table: one row a day with polls, the day's share of answered checks.
    const uptime = w.page.locator('#chart-uptime-table tbody tr');
    const days = [...byDay(seeded.polls.alpha).values()];
    expect(await uptime.count()).toBe(days.length);
    await w.page.locator('#chart-uptime summary').click();
    await uptime.first().waitFor({ state: 'visible' });
    const shares = days.map((d) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(d.filter((p) => p.ok).length / d.length));
    expect(await w.page.locator('#chart-uptime-table tbody tr td:nth-child(4)').allInnerTexts()).toEqual(shares);
    expect(await w.page.locator('#chart-latency-table tbody tr').count()).toBe(seeded.polls.alpha.length);
    expect(await w.page.locator('#chart-score-table tbody tr').count()).toBe(seeded.scores.length);
    await expectAccessible(w.page, 'status of an endpoint');
    await screenshot(w.page, 'pages-status-endpoint');
    expect(w.errors).toEqual([]);
  });

  for (const [locale, lang, title, latency] of [
    ['es-ES', 'es', 'Estado de los servicios Open311', 'Latencia por hora'],
    ['fr-FR', 'fr', 'État des services Open311', 'Latence par heure'],
  ] as const) {
    it(`in ${lang}: both pages, charts drawn, axe`, async () => {
      const w = await s.open('/status', { locale, axe: true });
      await w.page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await w.page.locator('html').getAttribute('lang')).toBe(lang);
      await expectAccessible(w.page, `status overview (${lang})`);
      await Promise.all([w.page.waitForURL(/\/status\/beta$/), w.page.getByRole('link', { name: 'Beta Département' }).click()]);
      await w.page.getByRole('heading', { level: 3, name: latency }).waitFor();
      await expect.poll(() => w.page.locator('#chart-latency').getAttribute('data-drawn')).toBe('true');
      await expectAccessible(w.page, `status of an endpoint (${lang})`);
      expect(w.errors).toEqual([]);
    });
  }

  it('on a phone neither page scrolls sideways: the wide tables scroll in their own region', async () => {
    const w = await s.open('/status', { viewport: PHONE });
    expect(await sidewaysScroll(w.page)).toBeLessThanOrEqual(0);
    const region = w.page.getByRole('region', { name: 'Monitored endpoints and their figures' });
    expect(await region.evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth > el.clientWidth)).toBe(true);
    await w.page.goto(s.url('/status/alpha'));
    await expectChartsDrawn(w.page);
    expect(await sidewaysScroll(w.page)).toBeLessThanOrEqual(0);
    await screenshot(w.page, 'pages-status-endpoint-phone');
    expect(w.errors).toEqual([]);
  });

  it('at 1,280 px the overview table fits: no scrolling, one line per time', async () => {
    const w = await s.open('/status', { viewport: LAPTOP });
    await screenshot(w.page, 'pages-status-laptop');
    expect(await sidewaysScroll(w.page)).toBeLessThanOrEqual(0);
    const region = w.page.getByRole('region', { name: 'Monitored endpoints and their figures' });
    expect(await region.evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const since = w.page.locator('#status-endpoints tbody tr td:nth-of-type(4) time').first();
    expect(await since.innerText()).toMatch(/ago|yesterday/);
    const lines = await since.evaluate((el: { getClientRects(): ArrayLike<unknown> }) => el.getClientRects().length);
    expect(lines).toBe(1);
    expect(w.errors).toEqual([]);
  });

  it('screen-reader text (o311.css .sr-only) takes no room on the page but stays in it', async () => {
    const w = await s.open('/status');
    const hidden = w.page.locator('#status-endpoints thead .sr-only');
    expect(await hidden.count()).toBeGreaterThan(0);
    for (const box of await hidden.evaluateAll((els: { getBoundingClientRect(): { width: number; height: number } }[]) => els.map((e) => e.getBoundingClientRect()))) {
      expect(box.width).toBeLessThanOrEqual(1);
      expect(box.height).toBeLessThanOrEqual(1);
    }
    expect(await hidden.first().textContent()).toMatch(/\S/);
    expect(w.errors).toEqual([]);
  });

  it('without JavaScript the data tables are the view', async () => {
    const context = await s.session.browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    try {
      await isolateFromInternet(context, s.origin);
      const page = await context.newPage();
      await page.goto(s.url('/status/alpha'));
      for (const id of CHARTS) {
        expect(await page.locator(`#${id}-canvas`).isVisible()).toBe(false);
        expect(await page.locator(`#${id} details`).getAttribute('open')).toBe('');
        expect(await page.locator(`#${id}-table tbody tr`).first().isVisible()).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});
