/**
 * A developer's journey for a key (issue 14, items 11 and 12) in Chromium:
 * /developers (axe, a 375 px phone without sideways scroll) → the key form →
 * the verification mail (outbox) → its button → the key by mail → POST
 * requests.json works → an admin revokes it in /staff/keys → 403. And /docs:
 * axe with an operation open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from '../../../../test-support/browser.js';
import { expectAccessible, linkIn, mailsTo, signIn, startBrowserSuite, type BrowserSuite } from './support.js';

const PHONE = { width: 375, height: 800 };
const EMAIL = 'dev@apps.example';

const sidewaysScroll = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

describe.skipIf(!browserAvailable)('a developer gets a key, uses it, and loses it', () => {
  let s: BrowserSuite;
  beforeAll(async () => {
    s = await startBrowserSuite();
  });
  afterAll(() => s?.close());

  async function post(key: string, format: 'json' | 'xml'): Promise<Response> {
    const j = (await s.store.primaryJurisdiction())!;
    const [service] = (await s.store.listServices(j.id)).filter((x) => !x.attributes.some((a) => a.required));
    return fetch(s.url(`/open311/v2/requests.${format}`), {
      method: 'POST',
      body: new URLSearchParams({ api_key: key, jurisdiction_id: j.id, service_code: service!.service_code, lat: '41.1', long: '-73.9', description: 'Pothole' }),
    });
  }

  it('/developers passes axe and does not scroll sideways on a phone', async () => {
    const { page } = await s.open('/developers', { axe: true, viewport: PHONE });
    await expectAccessible(page, '/developers on a phone');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.goto(s.url('/developers?lang=fr'));
    await expectAccessible(page, '/developers in French on a phone');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });

  it('asks for a key, confirms by mail, posts with it; an admin revokes it and the next POST is refused', async () => {
    const { page, errors } = await s.open('/developers', { axe: true });
    const form = page.locator('#key-request-form');
    await form.getByRole('button', { name: 'Ask for a key' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'key form with its errors');
    await form.getByLabel('Your e-mail address').fill(EMAIL);
    await form.getByLabel('Your name').fill('Dev Eloper');
    await form.getByLabel('Name of the application').fill('Street Fixer');
    await form.getByLabel('Web address of the application').fill('https://apps.example/fixer');
    await form.getByLabel('What will the application do with the key?').fill('Lets cyclists report potholes.');
    await form.getByLabel('I accept the terms of use').check();
    await form.getByRole('button', { name: 'Ask for a key' }).click();
    await page.locator('#key-request-sent').waitFor();

    const [verification] = await mailsTo(s.store, EMAIL);
    await page.goto(s.url(linkIn(verification!, /^\/developers\/keys\/verify$/)));
    await expectAccessible(page, 'verify button');
    await page.getByRole('button', { name: 'Confirm my address' }).click();
    await page.locator('#key-verified').waitFor();
    const key = /o311k_[\w-]+/.exec((await mailsTo(s.store, EMAIL)).map((m) => m.text).join('\n'))?.[0];
    expect(key).toBeDefined();
    expect((await post(key!, 'json')).status).toBe(200);

    await signIn(page, s, 'admin', '/staff/keys');
    await expectAccessible(page, '/staff/keys');
    const row = page.locator('tr', { hasText: EMAIL });
    await row.getByRole('button', { name: /Revoke/ }).click();
    await page.waitForURL((u) => u.search.includes('done=revoked'));
    const json = await post(key!, 'json');
    expect(json.status).toBe(403);
    expect(await json.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const xml = await post(key!, 'xml');
    expect(xml.status).toBe(403);
    expect(await xml.text()).toContain('<code>403</code>');
    // The first, empty send is answered 400 (the form with its errors), which Chromium logs; nothing else may fail.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('/docs passes axe with an operation open', async () => {
    const { page } = await s.open('/docs', { axe: true });
    // Swagger UI renders the whole document in the browser: slower than a step on a busy machine.
    await page.locator('.opblock-summary').first().waitFor({ timeout: 45_000 });
    const operation = page.locator('.opblock').first();
    await operation.locator('.opblock-summary-control').click();
    await operation.locator('.btn.execute').waitFor();
    await expectAccessible(page, '/docs with an operation open');
  }, 90_000);

  it('/docs runs its accessibility script under its own Content-Security-Policy', async () => {
    const { page, errors } = await s.open('/docs');
    await page.locator('.opblock-summary').first().waitFor({ timeout: 45_000 });
    // The script took the links out of the toggle buttons: it was allowed to run.
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(q: string): { length: number } } }).document
      .querySelectorAll('.opblock-summary-control a[href]').length === 0);
    expect(errors).toEqual([]);
  }, 90_000);
});
