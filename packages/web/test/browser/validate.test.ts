/**
 * `/validate` in Chromium (issue 12): a run started from the form against this
 * server itself lands on its page and shows its results; the permanent link
 * opens the same run; the JUnit download is JUnit XML with a testcase per
 * check; a running run's page moves with the run through server-sent events
 * and shows the results when it ends; axe-core finds no serious violation,
 * in English, Spanish and French. The URL box is as tall as the other boxes.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '@o311/validator';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { expectAccessible, startBrowserSuite, type BrowserSuite } from './support.js';

describe.skipIf(!browserAvailable)('/validate in a browser', () => {
  let s: BrowserSuite;
  let runId = '';
  beforeAll(async () => {
    // The server validates itself on 127.0.0.1.
    s = await startBrowserSuite({ app: { discovery: { allowPrivate: true } } });
  });
  afterAll(() => s?.close());

  it('runs the checks from the form and shows the results, by severity', { timeout: 120_000 }, async () => {
    const w = await s.open('/validate', { axe: true });
    await expectAccessible(w.page, 'validate form');
    // The URL box is drawn like the other text boxes.
    const height = (label: string) => w.page.getByLabel(label).evaluate((el: { getBoundingClientRect(): { height: number } }) => el.getBoundingClientRect().height);
    expect(await height('Endpoint or discovery URL')).toBe(await height('jurisdiction_id (optional)'));
    expect(await height('Endpoint or discovery URL')).toBeGreaterThanOrEqual(44);
    await w.page.getByLabel('Endpoint or discovery URL').fill(s.url('/open311/v2/'));
    await w.page.getByLabel('XML and JSON').check();
    await Promise.all([w.page.waitForURL(/\/validate\/r\/[A-Za-z0-9_-]+$/), w.page.getByRole('button', { name: 'Check this endpoint' }).click()]);
    runId = new URL(w.page.url()).pathname.split('/').pop() ?? '';
    // The page follows the run (events, then a reload) until its summary shows.
    await w.page.locator('#run-summary').waitFor({ timeout: 90_000 });
    expect(await w.page.locator('#run-summary').textContent()).toMatch(/^Errors: \d+ · warnings: \d+ · information: \d+ · passed: \d+ · skipped: \d+$/);
    await w.page.locator('#group-passed summary').click();
    await expect.poll(() => w.page.locator('#group-passed li').count()).toBeGreaterThan(50);
    await expectAccessible(w.page, 'validate results');
    await screenshot(w.page, 'pages-validate-run');
    expect(w.errors).toEqual([]);
  });

  it('opens the permanent link and downloads the JUnit report', { timeout: 60_000 }, async () => {
    expect(runId).not.toBe('');
    const w = await s.open();
    await w.page.goto(s.url('/validate'));
    const run = await s.store.validations.get(runId);
    await w.page.goto(s.url(`/validate/r/${runId}`));
    await Promise.all([w.page.waitForURL(new RegExp(`/validate/r/${runId}$`)), w.page.locator('#run-permalink').click()]);
    await w.page.locator('#run-summary').waitFor();
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('link', { name: 'JUnit XML (for CI)' }).click()]);
    expect(download.suggestedFilename()).toBe(`o311-validation-${runId}.junit.xml`);
    const xml = await readFile(await download.path(), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="o311 validator: /);
    expect(xml.match(/<testcase classname="o311\.validator\.[a-z]+" name="/g)).toHaveLength(run!.total);
    expect(w.errors).toEqual([]);
  });

  it('moves with a running run through server-sent events, then shows its results', { timeout: 60_000 }, async () => {
    const finished = await s.store.validations.get(runId);
    const report = finished!.report as { results: CheckResult[]; summary: NonNullable<typeof finished>['summary'] };
    const run = await s.store.validations.create({
      url: 'https://slow.example/open311/v2/', endpoint_slug: null, source: 'web', format: 'both', write: false, jurisdiction_id: null,
      api_key_sealed: null, client: null,
    }, Date.now());
    await s.store.validations.start(run.id, report.results.length, Date.now());
    const w = await s.open(`/validate/r/${run.id}`, { axe: true });
    await expect.poll(() => w.page.locator('#run-progress-text').textContent()).toBe(`0 of ${report.results.length} checks done`);
    await expectAccessible(w.page, 'validate run in progress');
    await s.store.validations.progress(run.id, 2, report.results.slice(0, 2));
    await expect.poll(() => w.page.locator('#run-progress-text').textContent(), { timeout: 5000 }).toBe(`2 of ${report.results.length} checks done`);
    expect(await w.page.locator('#run-so-far li').count()).toBe(2);
    expect(await w.page.locator('#run-progress-bar').evaluate((el) => (el as unknown as { value: number }).value)).toBe(2);
    await s.store.validations.finish(run.id, report, report.summary!, Date.now());
    await w.page.locator('#run-summary').waitFor({ timeout: 5000 });
    expect(w.errors).toEqual([]);
  });

  it('lists each result once when the page opens on a run with results already', { timeout: 60_000 }, async () => {
    const finished = await s.store.validations.get(runId);
    const results = (finished!.report as { results: CheckResult[] }).results;
    const run = await s.store.validations.create({
      url: 'https://slow.example/open311/v2/', endpoint_slug: null, source: 'web', format: 'both', write: false, jurisdiction_id: null,
      api_key_sealed: null, client: null,
    }, Date.now());
    await s.store.validations.start(run.id, results.length, Date.now());
    await s.store.validations.progress(run.id, 1, results.slice(0, 1));
    const w = await s.open(`/validate/r/${run.id}`);
    expect(await w.page.locator('#run-so-far li').count()).toBe(1);
    await s.store.validations.progress(run.id, 2, results.slice(0, 2));
    await expect.poll(() => w.page.locator('#run-progress-text').textContent(), { timeout: 5000 }).toBe(`2 of ${results.length} checks done`);
    expect(await w.page.locator('#run-so-far li').count()).toBe(2);
    await s.store.validations.fail(run.id, 'Stopped by the test.', Date.now());
    expect(w.errors).toEqual([]);
  });

  it.each([
    ['es-ES', 'Comprobar un servicio Open311', 'Ejecución del validador'],
    ['fr-FR', 'Vérifier un service Open311', 'Vérification'],
  ])('is in %s, accessible', { timeout: 60_000 }, async (locale, formTitle, runTitle) => {
    const w = await s.open('/validate', { axe: true, locale });
    expect(await w.page.locator('h1').textContent()).toBe(formTitle);
    await expectAccessible(w.page, `validate form ${locale}`);
    await w.page.goto(s.url(`/validate/r/${runId}`));
    expect(await w.page.locator('h1').textContent()).toBe(runTitle);
    await expectAccessible(w.page, `validate results ${locale}`);
    expect(w.errors).toEqual([]);
  });
});
