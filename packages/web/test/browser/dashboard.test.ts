/**
 * `/dashboard` in Chromium on the demo city (60 requests, two areas split at
 * the median latitude): every figure the page shows after a change of the
 * filter equals a count made here from the `requests` table itself (raw
 * SQL, days in the jurisdiction's zone, areas by the same point-in-polygon);
 * the URL follows the filter and the back button brings the previous
 * filter's figures back; the CSV download holds exactly the filter's
 * requests; axe finds nothing serious; a phone does not scroll sideways.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, dayOf, dayStart, type Jurisdiction } from '@o311/store';
import { browserAvailable } from '../../../../test-support/browser.js';
import { rawQuery } from '../../../store/test/raw.js';
import { expectAccessible, startBrowserSuite, type BrowserSuite } from './support.js';

interface Row {
  id: string;
  service_code: string;
  requested_at: number;
  lat: number | null;
  long: number | null;
}

const PHONE = { width: 390, height: 844 };

describe.skipIf(!browserAvailable)('/dashboard in a browser', () => {
  let s: BrowserSuite;
  let j: Jurisdiction;
  let rows: Row[];
  let middle: number;
  let from: string;
  let today: string;

  const dayOfRow = (r: Row): string => dayOf(r.requested_at, j.timezone);
  const areaOf = (r: Row): string | null => {
    if (r.lat === null || r.long === null) return null;
    return r.lat >= middle ? 'north' : 'south';
  };
  /** The requests a filter keeps, counted here from the table's own rows. */
  const kept = (f: { day?: string; service?: string; area?: string }): Row[] =>
    rows.filter((r) =>
      (f.day === undefined ? dayOfRow(r) >= from && dayOfRow(r) <= today : dayOfRow(r) === f.day) &&
      (f.service === undefined || r.service_code === f.service) &&
      (f.area === undefined || areaOf(r) === f.area));

  beforeAll(async () => {
    s = await startBrowserSuite();
    const primary = await s.store.primaryJurisdiction();
    if (!primary) throw new Error('the demo has no jurisdiction');
    j = primary;
    rows = (await rawQuery(s.t.databaseUrl, `select id, service_code, requested_at, lat, long from requests where jurisdiction_id = '${j.id}'`))
      .map((r) => ({ id: String(r.id), service_code: String(r.service_code), requested_at: Number(r.requested_at), lat: r.lat === null ? null : Number(r.lat), long: r.long === null ? null : Number(r.long) }));
    const lats = rows.flatMap((r) => (r.lat === null ? [] : [r.lat])).sort((a, b) => a - b);
    const longs = rows.flatMap((r) => (r.long === null ? [] : [r.long]));
    middle = lats[Math.floor(lats.length / 2)]!;
    const [w, e, sLat, nLat] = [Math.min(...longs) - 0.01, Math.max(...longs) + 0.01, lats[0]! - 0.01, lats[lats.length - 1]! + 0.01];
    // The areas exist before the first sync, so every fact is placed in one.
    await s.store.dashboard.saveSource({ kind: 'local', ref: j.id, name: j.name, timezone: j.timezone });
    await s.store.dashboard.setAreas(`local:${j.id}`, [
      { id: 'north', name: 'Northside', geometry: [[[[w, middle], [e, middle], [e, nLat], [w, nLat], [w, middle]]]] },
      { id: 'south', name: 'Southside', geometry: [[[[w, sLat], [e, sLat], [e, middle], [w, middle], [w, sLat]]]] },
    ]);
    today = dayOf(Date.now(), j.timezone);
    from = rows.map(dayOfRow).sort()[0]!;
    // The first answer syncs, which queues the source's rebuild from the requests (a job of the server's queue).
    expect((await fetch(s.url('/dashboard'))).status).toBe(200);
    const until = Date.now() + 30_000;
    while ((await s.store.dashboard.getSource(`local:${j.id}`))?.requests !== rows.length) {
      if (Date.now() > until) throw new Error('the dashboard\'s rebuild did not run in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 60_000);
  afterAll(() => s?.close());

  const text = (page: Page, selector: string): Promise<string> => page.locator(selector).first().innerText();
  const total = async (page: Page): Promise<number> => Number((await text(page, '[data-text="total"]')).replace(/\D/g, ''));

  it('changes of the filter give the counts of the table, the URL follows, back restores, the CSV is the filter', async () => {
    const w = await s.open(`/dashboard?from=${from}&to=${today}`, { axe: true });
    const { page } = w;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.locator('#dashboard').getAttribute('data-enhanced')).toBe('true');
    expect(await total(page)).toBe(kept({}).length);

    // The busiest day: its brief.
    const perDay = new Map<string, number>();
    for (const r of rows) perDay.set(dayOfRow(r), (perDay.get(dayOfRow(r)) ?? 0) + 1);
    const busiest = [...perDay].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    await page.locator('#filter-day').fill(busiest);
    await page.locator('#filter-day').dispatchEvent('change');
    await expect.poll(() => text(page, '[data-fig="opened"]')).toBe(String(kept({ day: busiest }).length));
    await expect.poll(() => text(page, '[data-fig="opened-before"]')).toBe(String(kept({ day: addDays(busiest, -7) }).length));
    expect(page.url()).toContain(`day=${busiest}`);

    // One service: the range's total and the brief's day.
    const service = [...new Set(kept({}).map((r) => r.service_code))].sort()[0]!;
    await page.locator('#filter-service').selectOption([service]);
    await expect.poll(() => total(page)).toBe(kept({ service }).length);
    expect(await text(page, '[data-fig="opened"]')).toBe(String(kept({ day: busiest, service }).length));
    expect(page.url()).toContain(`service=${encodeURIComponent(service)}`);
    const serviceOnly = kept({ service }).length;

    // And one area.
    await page.locator('#filter-area').selectOption(['north']);
    await expect.poll(() => total(page)).toBe(kept({ service, area: 'north' }).length);
    expect(page.url()).toContain('area=north');
    const areaRow = page.locator('#dashboard-areas tbody tr', { hasText: 'Northside' });
    expect(await areaRow.locator('td').innerText()).toBe(String(kept({ service, area: 'north' }).length));

    // The CSV of exactly this filter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const ids = csv.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]).sort();
    expect(ids).toEqual(kept({ service, area: 'north' }).map((r) => r.id).sort());
    expect(download.suggestedFilename()).toBe(`${j.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${from}-to-${today}.csv`);

    // Back: the service alone again, in the figures and the form.
    await page.goBack();
    await expect.poll(() => total(page)).toBe(serviceOnly);
    expect(page.url()).not.toContain('area=north');
    expect(await page.locator('#filter-area').evaluate((el: { selectedOptions: ArrayLike<unknown> }) => el.selectedOptions.length)).toBe(0);

    await expect.poll(() => page.locator('#dashboard').getAttribute('data-map')).toBe('ready');
    await expectAccessible(page, 'dashboard after filtering');
    expect(w.errors).toEqual([]);
  }, 60_000);

  it('without JavaScript the form is the filter and a bad one says why', async () => {
    const w = await s.open(`/dashboard?from=${today}&to=${from}`, { axe: true });
    expect(await w.page.locator('#error-summary').innerText()).toContain('The range must start on or before the day it ends');
    await expectAccessible(w.page, 'dashboard with an error');
  });

  it('in Spanish and French: translated, axe clean; on a phone no sideways scroll', async () => {
    for (const [locale, title] of [['es-ES', 'Resumen diario'], ['fr-FR', 'Bilan du jour']] as const) {
      const w = await s.open('/dashboard', { locale, axe: true });
      expect(await text(w.page, 'h1')).toContain(title);
      await expect.poll(() => w.page.locator('#chart-volume').getAttribute('data-drawn')).toBe('true');
      await expectAccessible(w.page, `dashboard (${locale})`);
    }
    const phone = await s.open('/dashboard', { viewport: PHONE });
    await expect.poll(() => phone.page.locator('#dashboard').getAttribute('data-enhanced')).toBe('true');
    expect(await phone.page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    })).toBeLessThanOrEqual(0);
  }, 60_000);
});
