/**
 * The installable app in Chromium (issue 15 item 4), with service workers
 * allowed: installability as Lighthouse checks it (manifest, icons, a worker
 * controlling the page, start_url served offline), then offline with
 * context.setOffline: the service list and the form still open, a report
 * with a photo is queued in the outbox, and once online it is filed exactly
 * once (a second send of the same report under the same token files nothing)
 * and the reporter is told its number.
 *
 * setOffline must also cut the worker's own fetches, or "served offline"
 * would prove nothing: a page the worker never kept is checked to come back
 * as the offline page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CITY_HALL, DEMO_JURISDICTION } from '@o311/demo';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { pngPhoto } from '../fixtures/photo.js';
import { seedDemoRegistry } from '../support/demo-region.js';
import { expectAccessible, linkIn, mailsTo, startBrowserSuite, type BrowserSuite, type WatchedPage } from './support.js';

const DESCRIPTION = 'Reported from the app without a connection';

let s: BrowserSuite;
let w: WatchedPage;
beforeAll(async () => {
  s = await startBrowserSuite();
  w = await s.open('/', { serviceWorkers: 'allow', axe: true });
});
afterAll(() => s?.close());

/** Runs an expression in the page (a string, so the test needs no DOM types). */
const inPage = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

/** The requests of the demo city the public API lists with our description. */
async function filedByTheApp(): Promise<{ service_request_id: string; media_url?: string }[]> {
  const res = await fetch(s.url('/open311/v2/requests.json?service_code=POTHOLE'));
  const list = (await res.json()) as { service_request_id: string; description?: string; media_url?: string }[];
  return list.filter((r) => r.description === DESCRIPTION);
}

const count = () => s.store.countRequests({ jurisdiction_id: DEMO_JURISDICTION.id });

/** The state of each report in the outbox, oldest first. */
const OUTBOX_STATES = `(async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open('o311-outbox', 1); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const all = await new Promise((ok) => { const r = db.transaction('reports').objectStore('reports').getAll(); r.onsuccess = () => ok(r.result); });
  db.close();
  return all.sort((a, b) => a.queuedAt - b.queuedAt).map((r) => r.state);
})()`;

/** Every address the worker's page caches hold. */
const KEPT_URLS = `(async () => {
  const urls = [];
  for (const name of ['o311-pages', 'o311-personal']) {
    if (!(await caches.has(name))) continue;
    for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
  }
  return urls;
})()`;

/** A second copy of the queued report under the same token: as if a send had lost its answer and went again. */
const DUPLICATE_QUEUED = `(async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open('o311-outbox', 1); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const all = await new Promise((ok) => { const r = db.transaction('reports').objectStore('reports').getAll(); r.onsuccess = () => ok(r.result); });
  const copy = { ...all[0], id: 'same-report-again', queuedAt: all[0].queuedAt + 1 };
  await new Promise((ok, no) => { const tx = db.transaction('reports', 'readwrite'); tx.objectStore('reports').put(copy); tx.oncomplete = ok; tx.onerror = no; });
  db.close();
  return [all.length, all[0].token === copy.token, all[0].photos.length];
})()`;

describe.skipIf(!browserAvailable)('the installable app (issue 15)', () => {
  it('is installable: manifest, icons of the declared sizes, a worker controlling the page', { timeout: 30_000 }, async () => {
    const { page } = w;
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    const reg = await inPage<{ scope: string; script: string }>(page, `navigator.serviceWorker.getRegistration().then((r) => ({ scope: r.scope, script: r.active.scriptURL }))`);
    expect(reg).toEqual({ scope: s.url('/'), script: s.url('/sw.js') });

    const manifest = await inPage<{ type: string; body: Record<string, unknown> & { icons: { src: string; sizes: string; type: string; purpose: string }[] } }>(
      page,
      `(async () => { const r = await fetch(document.querySelector('link[rel=manifest]').href); return { type: r.headers.get('content-type'), body: await r.json() }; })()`,
    );
    expect(manifest.type).toMatch(/^application\/manifest\+json/);
    expect(manifest.body).toMatchObject({ short_name: 'o311', start_url: '/', scope: '/', display: 'standalone' });
    expect(typeof manifest.body.name).toBe('string');
    for (const size of [192, 512]) {
      const icon = manifest.body.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png' && i.purpose === 'any');
      expect(icon, `a ${size} px PNG icon`).toBeDefined();
      const natural = await inPage<number[]>(page, `(async () => { const i = new Image(); i.src = ${JSON.stringify(icon?.src)}; await i.decode(); return [i.naturalWidth, i.naturalHeight]; })()`);
      expect(natural).toEqual([size, size]);
    }
    expect(manifest.body.icons.some((i) => i.purpose === 'maskable')).toBe(true);

    // The service list asked the worker to keep every form: the pothole form is there for offline use.
    await expect.poll(() => inPage<boolean>(page, `caches.match('/report/POTHOLE').then((r) => r !== undefined)`), { timeout: 15_000 }).toBe(true);
    expect(await inPage<boolean>(page, `caches.match('/offline').then((r) => r !== undefined)`)).toBe(true);
  });

  it('offline: start_url, the service list and the form open; a page never kept is the offline page', { timeout: 30_000 }, async () => {
    const { page, context } = w;
    await context.setOffline(true);
    expect(await inPage<boolean>(page, 'navigator.onLine')).toBe(false);

    await page.goto(s.url('/status'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('No connection');
    await expectAccessible(page, 'offline page');

    await page.goto(s.url('/'));
    expect(await page.getByRole('link', { name: /^Pothole/ }).count()).toBeGreaterThan(0);
    await page.goto(s.url('/report/POTHOLE'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Pothole/);
  });

  let queuedAt = 0;
  it('offline: a report with a photo is kept in the outbox, and the outbox still opens on reload', { timeout: 40_000 }, async () => {
    const { page } = w;
    const map = page.locator('#report-map');
    await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
    await map.click({ position: { x: 200, y: 140 } });
    await expect.poll(() => page.locator('#location-status').textContent()).toMatch(/^Marker placed at/);
    await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
    await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('About the size of a car tire').check();
    await page.getByLabel(/^Describe the problem/).fill(DESCRIPTION);
    await page.getByLabel('Photos').setInputFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: pngPhoto({ width: 60, height: 40 }) });
    await page.getByRole('img', { name: 'pothole.jpg' }).waitFor();
    queuedAt = await count();
    await Promise.all([page.waitForURL(s.url('/outbox')), page.getByRole('button', { name: 'Send report' }).click()]);

    const item = page.locator('#outbox-list li');
    await expect.poll(() => item.first().textContent()).toMatch(/Pothole.*Waiting for a connection/);
    await page.reload();
    await expect.poll(() => item.first().textContent()).toMatch(/Waiting for a connection/);
    await expectAccessible(page, 'outbox with a waiting report');
    await screenshot(page, 'pwa-outbox-waiting');
    expect(await count(), 'nothing reached the server while offline').toBe(queuedAt);

    const [kept, sameToken, photos] = await inPage<[number, boolean, number]>(page, DUPLICATE_QUEUED);
    expect([kept, sameToken, photos]).toEqual([1, true, 1]);
  });

  it('back online: the report is filed exactly once, with its photo, and the reporter sees its number', { timeout: 40_000 }, async () => {
    const { page, context, errors } = w;
    await page.goto(s.url('/'));
    await context.setOffline(false);
    await expect.poll(() => inPage<string[]>(page, OUTBOX_STATES), { timeout: 15_000 }).toEqual(['sent', 'sent']);
    const banner = page.locator('#app-banner .success').first();
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toMatch(/^Your report \(Pothole\) was sent\. Its number is \d+\./);
    const id = /Its number is (\d+)\./.exec((await banner.textContent()) ?? '')?.[1] ?? '';
    await expectAccessible(page, 'service list with the sent banner');
    await screenshot(page, 'pwa-sent-banner');

    const filed = await filedByTheApp();
    expect(filed.map((r) => r.service_request_id)).toEqual([id]);
    expect(filed[0]?.media_url, 'the photo came with it').toBeTruthy();
    expect(await count(), 'both sends of the same report filed one request').toBe(queuedAt + 1);
    expect((await s.store.getRequest(DEMO_JURISDICTION.id, id))?.channel, 'sent from the outbox').toBe('app');

    await page.goto(s.url('/outbox'));
    const items = page.locator('#outbox-list li');
    await expect.poll(() => items.count()).toBe(2);
    for (const text of await items.allTextContents()) expect(text).toContain(`Sent. Its number is ${id}.`);
    await expectAccessible(page, 'outbox with sent reports');
    await page.getByRole('link', { name: `Track request ${id}` }).first().click();
    await page.waitForURL(s.url(`/track/${id}`));
    // Offline, the form's own look-ups (nearby requests, map tiles) fail as they should; nothing else may.
    expect(errors.filter((e) => !e.endsWith('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});

describe.skipIf(!browserAvailable)('a report whose answer is lost on the way back', () => {
  it('is kept in the outbox with its form token, and its resend lands on the request already filed', { timeout: 40_000 }, async () => {
    const { page, context, errors } = await s.open('/', { serviceWorkers: 'allow', axe: true });
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await page.goto(s.url('/report/POTHOLE'));
    const map = page.locator('#report-map');
    await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
    await map.click({ position: { x: 180, y: 120 } });
    await expect.poll(() => page.locator('#location-status').textContent()).toMatch(/^Marker placed at/);
    await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
    await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('About the size of a car tire').check();
    await page.getByLabel(/^Describe the problem/).fill('The answer to this one got lost');
    const before = await count();
    // The first send reaches the server and is filed; the browser never hears back.
    let filedFirst = 0;
    await context.route('**/open311/v2/requests.json', async (route) => {
      await route.fetch();
      filedFirst = await count();
      await route.abort('connectionreset');
    }, { times: 1 });
    await Promise.all([page.waitForURL(s.url('/outbox')), page.getByRole('button', { name: 'Send report' }).click()]);
    expect(filedFirst, 'the lost send was filed').toBe(before + 1);

    const item = page.locator('#outbox-list li').first();
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toMatch(/Sent\. Its number is \d+\./);
    const id = /Its number is (\d+)\./.exec((await item.textContent()) ?? '')?.[1] ?? '';
    expect(await count(), 'the resend filed nothing new').toBe(before + 1);
    expect((await s.store.getRequest(DEMO_JURISDICTION.id, id))?.description).toBe('The answer to this one got lost');
    expect(errors.filter((e) => !/ERR_(INTERNET_DISCONNECTED|CONNECTION_RESET)|Failed to fetch/.test(e))).toEqual([]);
  });
});

describe.skipIf(!browserAvailable)('a queued report the server asks to send later', () => {
  it('stays waiting after a 429, and is sent by "Send now"', { timeout: 40_000 }, async () => {
    const { page, context } = await s.open('/report/POTHOLE', { serviceWorkers: 'allow', axe: true });
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await page.reload();
    const map = page.locator('#report-map');
    await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
    await map.click({ position: { x: 160, y: 150 } });
    await expect.poll(() => page.locator('#location-status').textContent()).toMatch(/^Marker placed at/);
    await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
    await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('About the size of a car tire').check();
    await page.getByLabel(/^Describe the problem/).fill('Sent when the server had room again');
    await context.setOffline(true);
    await Promise.all([page.waitForURL(s.url('/outbox')), page.getByRole('button', { name: 'Send report' }).click()]);
    const before = await count();

    let refused = 0;
    await context.route('**/open311/v2/requests.json', async (route) => {
      refused += 1;
      await route.fulfill({ status: 429, contentType: 'application/json', body: '[{"code":429,"description":"Too many requests: try again in a minute."}]' });
    }, { times: 1 });
    await context.setOffline(false);
    await expect.poll(() => refused, { timeout: 15_000 }).toBe(1);
    // The outbox is sent under a Web Lock: taking it waits for that send to end.
    expect(await inPage<string[]>(page, `navigator.locks.request('o311-outbox', () => ${OUTBOX_STATES})`)).toEqual(['pending']);
    const item = page.locator('#outbox-list li').first();
    await expect.poll(() => item.textContent()).toMatch(/Waiting for a connection/);
    expect(await count()).toBe(before);

    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toMatch(/Sent\. Its number is \d+\./);
    expect(await count()).toBe(before + 1);
  });
});

describe.skipIf(!browserAvailable)('a queued report the server refuses', () => {
  it('keeps every answer and photo, shows the server’s reasons under our own words, and goes back to the form to be sent again', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await s.open('/report/POTHOLE', { serviceWorkers: 'allow', axe: true });
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await page.reload();
    const map = page.locator('#report-map');
    await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
    await map.click({ position: { x: 170, y: 130 } });
    await expect.poll(() => page.locator('#location-status').textContent()).toMatch(/^Marker placed at/);
    await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
    await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('About the size of a car tire').check();
    await page.getByLabel(/^Describe the problem/).fill('Refused once, then corrected');
    await page.locator('input[name="email"]').fill('refused.reporter@example.org');
    await page.getByLabel('Photos').setInputFiles({ name: 'kept.png', mimeType: 'image/png', buffer: pngPhoto({ width: 50, height: 40 }) });
    await page.getByRole('img', { name: 'kept.jpg' }).waitFor();
    await context.setOffline(true);
    await Promise.all([page.waitForURL(s.url('/outbox')), page.getByRole('button', { name: 'Send report' }).click()]);
    const before = await count();

    await context.route('**/open311/v2/requests.json', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: '[{"code":400,"description":"service_code \'POTHOLE\' does not exist"}]' }), { times: 1 });
    await context.setOffline(false);
    const item = page.locator('#outbox-list li').first();
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toMatch(/Pothole: Not sent: the city did not accept this report/);
    expect(await item.textContent()).toContain('The server said:');
    expect(await item.locator('ul[lang="en"] li').allTextContents()).toEqual(["service_code 'POTHOLE' does not exist"]);
    await item.getByText('What you wrote').click();
    expect(await item.locator('dd').allTextContents()).toEqual(expect.arrayContaining(['Refused once, then corrected', 'refused.reporter@example.org', 'Travel lane']));
    expect((await item.locator('dt').allTextContents()).some((d) => /^Where in the road is it\?/.test(d)), 'the form’s own words').toBe(true);
    expect(await item.textContent()).toContain('Photos kept: 1');
    await expectAccessible(page, 'outbox with a refused report');
    await screenshot(page, 'pwa-outbox-refused');
    expect(await count(), 'nothing filed').toBe(before);

    // Its service may be gone: the service list carries it to another one, which takes what it also asks.
    await Promise.all([page.waitForURL(/\/#outbox=/), item.getByRole('link', { name: 'or send it as another service' }).click()]);
    await expect.poll(() => page.locator('#service-GRAFFITI').getAttribute('href')).toMatch(/\/report\/GRAFFITI#outbox=/);
    await Promise.all([page.waitForURL(/\/report\/GRAFFITI#outbox=/), page.locator('#service-GRAFFITI').click()]);
    await expect.poll(() => page.getByLabel(/^Describe the problem/).inputValue()).toBe('Refused once, then corrected');
    expect(await page.locator('input[name="email"]').inputValue()).toBe('refused.reporter@example.org');
    await page.goto(s.url('/outbox'));
    await Promise.all([page.waitForURL(/\/report\/POTHOLE#outbox=/), item.getByRole('link', { name: /^Correct and send again/ }).click()]);
    await expect.poll(() => page.getByLabel(/^Describe the problem/).inputValue()).toBe('Refused once, then corrected');
    expect(await page.locator('input[name="email"]').inputValue()).toBe('refused.reporter@example.org');
    expect(await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').isChecked()).toBe(true);
    await page.getByRole('img', { name: 'kept.jpg' }).waitFor();
    expect(await page.locator('#submit-status').textContent()).toMatch(/^Your report is back in the form/);
    await page.getByLabel(/^Describe the problem/).fill('Refused once, then corrected and sent');
    await Promise.all([page.waitForURL(/\/report\/POTHOLE\/sent\?/), page.getByRole('button', { name: 'Send report' }).click()]);
    expect(await count(), 'the corrected report filed once').toBe(before + 1);
    const filed = (await fetch(s.url('/open311/v2/requests.json?service_code=POTHOLE')).then((r) => r.json())) as { description?: string; media_url?: string }[];
    const corrected = filed.filter((r) => r.description === 'Refused once, then corrected and sent');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]?.media_url, 'the kept photo came with it').toBeTruthy();
    expect(await inPage<string[]>(page, OUTBOX_STATES), 'the refused copy is gone once sent').toEqual([]);
    expect(errors.filter((e) => !/ERR_(INTERNET_DISCONNECTED|CONNECTION_RESET)|Failed to fetch|status of 400/.test(e))).toEqual([]);
  });
});

/** One refused report, then 51 sent ones (one more than the outbox lists), as an outbox holds them. */
const MANY_SENT_AFTER_A_REFUSED = `(async () => {
  const db = await new Promise((ok, no) => { const r = indexedDB.open('o311-outbox', 1); r.onupgradeneeded = () => r.result.createObjectStore('reports', { keyPath: 'id' }); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
  const base = { serviceCode: 'POTHOLE', serviceName: 'Pothole', apiKey: 'k', photos: [], token: 't' };
  const reports = [{ ...base, id: 'refused', answers: [['description', 'Kept to be corrected']], queuedAt: 1, state: 'refused', problems: ['no'] }];
  for (let i = 0; i < 51; i++) reports.push({ ...base, id: 'sent-' + i, answers: [], queuedAt: 2 + i, state: 'sent', told: true, receipt: { id: String(i), token: null } });
  await new Promise((ok, no) => { const tx = db.transaction('reports', 'readwrite'); for (const r of reports) tx.objectStore('reports').put(r); tx.oncomplete = ok; tx.onerror = no; });
  db.close();
})()`;

describe.skipIf(!browserAvailable)('an outbox full of sent reports', () => {
  it('forgets the oldest sent ones, never a refused one (it holds what the reporter wrote)', { timeout: 30_000 }, async () => {
    const { page } = await s.open('/outbox', { serviceWorkers: 'allow' });
    await inPage(page, MANY_SENT_AFTER_A_REFUSED);
    await page.reload();
    const states = () => inPage<string[]>(page, `navigator.locks.request('o311-outbox', () => ${OUTBOX_STATES})`);
    await expect.poll(async () => (await states()).length, { timeout: 15_000 }).toBe(51);
    const kept = await states();
    expect(kept[0]).toBe('refused');
    expect(kept.filter((x) => x === 'sent')).toHaveLength(50);
  });
});

describe.skipIf(!browserAvailable)('a report to another endpoint (through the router)', () => {
  it('says offline that it needs a connection and stays on the form with the answers', { timeout: 30_000 }, async () => {
    await seedDemoRegistry(s.store);
    const { page, context } = await s.open('/', { serviceWorkers: 'allow', axe: true });
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await page.goto(s.url(`/report/to/tallgrass-county%3ACULVERT?lat=${CITY_HALL.lat}&long=${CITY_HALL.long}`));
    await page.getByLabel(/^Describe the problem/).fill('Culvert blocked, reported without a connection.');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send report' }).click();
    const summary = page.getByRole('alert', { name: 'There is a problem' });
    await expect.poll(() => summary.textContent()).toContain('Sending a report to another endpoint needs a connection.');
    expect(page.url()).toContain('/report/to/tallgrass-county%3ACULVERT');
    expect(await page.getByLabel(/^Describe the problem/).inputValue()).toBe('Culvert blocked, reported without a connection.');
    await expectAccessible(page, 'routed form offline');
    await context.setOffline(false);
  });
});

describe.skipIf(!browserAvailable)('My reports and followed requests in the installed app', () => {
  const EMAIL = 'offline.reader@example.org';

  it('are readable offline once seen, and forgotten on this device at sign-out', { timeout: 60_000 }, async () => {
    const { page, context } = await s.open('/account/sign-in', { serviceWorkers: 'allow', axe: true });
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    // Staff pages and API answers pass through the worker but are never kept.
    await page.goto(s.url('/staff/login'));
    expect(await inPage<number>(page, `fetch('/open311/v2/services.json').then((r) => r.status)`)).toBe(200);
    expect(await inPage<boolean>(page, `Promise.all([caches.match('/staff/login'), caches.match('/open311/v2/services.json')]).then((m) => m.every((r) => r === undefined))`)).toBe(true);
    await page.goto(s.url('/account/sign-in'));
    await page.getByRole('textbox', { name: 'Email address' }).fill(EMAIL);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
    const [mail] = await mailsTo(s.store, EMAIL);
    if (!mail) throw new Error('no sign-in mail in the outbox');
    await page.goto(s.url(linkIn(mail, /^\/account\/link$/)));
    await Promise.all([page.waitForURL(/\/account$/), page.getByRole('button', { name: 'Sign in' }).click()]);
    // A link opened and not pressed (still valid) is not kept either, nor is any page whose address holds a token.
    await page.goto(s.url('/account/link?token=opened-but-not-pressed-0001'));
    await page.goto(s.url('/account'));
    expect(await inPage<string[]>(page, KEPT_URLS)).not.toEqual([]);
    expect((await inPage<string[]>(page, KEPT_URLS)).filter((u) => /[?&](token|api_key)=/.test(u))).toEqual([]);

    // Follow a request from its tracker page; My reports then lists it.
    const [open] = (await (await fetch(s.url('/open311/v2/requests.json?status=open'))).json()) as { service_request_id: string }[];
    const id = open?.service_request_id ?? '';
    await page.goto(s.url(`/track/${id}`));
    await Promise.all([page.waitForURL(new RegExp(`/track/${id}#follow$`)), page.getByRole('button', { name: `Follow request ${id}` }).click()]);
    await page.goto(s.url('/account'));
    await expect.poll(() => page.locator('#main').textContent()).toContain(id);

    await context.setOffline(true);
    await page.goto(s.url('/account'));
    expect(await page.locator('#signed-in-as').textContent()).toBe(`Signed in as ${EMAIL}`);
    expect(await page.locator('#main').textContent()).toContain(id);
    await page.goto(s.url(`/track/${id}`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(id);

    await context.setOffline(false);
    await page.goto(s.url('/account'));
    await Promise.all([page.waitForURL(/\/account\/sign-in\?done=signed-out$/), page.getByRole('button', { name: 'Sign out' }).click()]);
    expect(await inPage<boolean>(page, `caches.has('o311-personal')`)).toBe(false);
    await context.setOffline(true);
    await page.goto(s.url('/account'));
    expect(await page.getByRole('heading', { level: 1 }).textContent(), 'nothing personal left for the next person').toBe('No connection');
    await page.goto(s.url('/outbox'));
    expect(await page.getByRole('heading', { level: 1 }).textContent(), 'the outbox stays').toBe('Reports waiting to be sent');
    expect((await inPage<string[]>(page, KEPT_URLS)).filter((u) => /[?&](token|api_key)=/.test(u)), 'no secret kept after sign-out').toEqual([]);
    await context.setOffline(false);
  });
});
