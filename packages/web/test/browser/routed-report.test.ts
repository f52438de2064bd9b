/**
 * The proof in Chromium (issue 11), in its order: a citizen, signed
 * out, places a point in Riverton on the map, picks a COUNTY service among
 * every tier's and sends it with an e-mail address (through the router,
 * delivered in process), follows the token to its federated id and the
 * tracker; then signs in by the link from the outbox, which proves the address
 * and gives the report to the account; sees it in My reports with its live
 * status, exports the data as JSON and deletes the account, which erases the
 * contact data of the report; axe on every page on the way.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_COUNTY } from '@o311/demo';
import type { Page } from 'playwright-core';
import type { FederatedRequest } from '@o311/store';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { seedDemoRegistry } from '../support/demo-region.js';
import { expectAccessible, journey, linkIn, mailsTo } from './support.js';

const EMAIL = 'robin.routed@example.org';
/** As the citizen typed it in the report form: the account's address matches it in any case. */
const TYPED = 'Robin.Routed@example.org';
const NO_CONTACT = { email: null, first_name: null, last_name: null, phone: null, device_id: null };

/** The token of the sent page `send` leads to, read as it arrives (the page may go on to the tracker at once). */
async function sentToken(page: Page, send: () => Promise<void>): Promise<string> {
  let token = '';
  const sent = (url: URL): boolean => {
    if (!/\/report\/to\/tallgrass-county%3ACULVERT\/sent$/.test(url.pathname)) return false;
    token = url.searchParams.get('token') ?? '';
    return true;
  };
  await Promise.all([page.waitForURL(sent), send()]);
  return token;
}

describe.skipIf(!browserAvailable)('a report to the county from a Riverton point, made signed out and claimed by signing in', () => {
  const j = journey({ axe: true });
  beforeAll(() => seedDemoRegistry(j.s.store));
  let stored: FederatedRequest | undefined;
  let federatedId = '';

  it('places the point on the map and sees every tier’s services, each marked with who handles it', { timeout: 30_000 }, async () => {
    const { s, citizen: { page } } = j;
    await page.goto(s.url('/'));
    expect(await page.locator('#nav-account').textContent()).toBe('Sign in');
    await Promise.all([page.waitForURL(/\/report\/at$/), page.getByRole('link', { name: 'Place it on the map to see every agency’s services there' }).click()]);
    await expectAccessible(page, 'place step');
    const map = page.locator('#place-map');
    await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
    const box = await map.boundingBox();
    if (!box) throw new Error('the map is not shown');
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => page.locator('#location-status').textContent()).toMatch(/^Marker placed at/);
    expect(await page.getByRole('spinbutton', { name: 'Latitude' }).inputValue()).toMatch(/^41\.\d+$/);
    await Promise.all([page.waitForURL(/\/report\/at\?lat=41\.\d+&long=-93\.\d+$/), page.getByRole('button', { name: 'Show the services here' }).click()]);
    const picker = page.getByRole('region', { name: 'Services at this place' });
    const handlers = await picker.getByRole('heading', { level: 3 }).allTextContents();
    expect(handlers).toEqual(['City of Riverton City', 'Tallgrass County County', 'State of Prairie State or province', 'Federal services (demo) Nation']);
    await expectAccessible(page, 'services at the point');
    await screenshot(page, 'routed-picker');
  });

  it('picks a county service and sends the report through the router, signed out, with an e-mail address', { timeout: 30_000 }, async () => {
    const { s, citizen: { page, errors } } = j;
    const county = page.getByRole('region', { name: 'Tallgrass County County' });
    await Promise.all([page.waitForURL(/\/report\/to\/tallgrass-county%3ACULVERT\?lat=/), county.getByRole('link', { name: /Blocked or damaged culvert/ }).click()]);
    expect(await page.locator('#handled-by').textContent()).toBe('This report goes to Tallgrass County (County), sent on by this site.');
    const email = page.getByRole('textbox', { name: 'Email address' });
    expect(await email.inputValue()).toBe('');
    expect(await page.locator('#f-lat').inputValue()).toMatch(/^41\.\d+$/);
    await expectAccessible(page, 'county report form');
    await page.getByLabel(/^Describe the problem/).fill('The culvert under the county road is blocked by branches.');
    await email.fill(TYPED);
    const token = await sentToken(page, () => page.getByRole('button', { name: 'Send report' }).click());
    stored = await vi.waitFor(async () => {
      const r = await s.store.federation.getByToken(token);
      expect(r?.state).toBe('delivered');
      return r!;
    }, { timeout: 20_000, interval: 100 });
    expect(stored).toMatchObject({ endpoint_slug: 'tallgrass-county', contact: { email: TYPED }, account_id: null, channel: 'web' });
    expect((await s.store.getRequest(DEMO_COUNTY.id, stored.upstream_id!))?.channel, 'filed by the web form').toBe('web');
    federatedId = `tallgrass-county:${stored.upstream_id}`;
    // Delivered before the page was built: it names the federated id; else it polls the token and opens the tracker itself.
    const onTracker = (): boolean => /\/track\/tallgrass-county%3A\d+$/.test(page.url());
    await expect.poll(async () => onTracker() || (await page.locator('#request-number').count()) > 0, { timeout: 15_000 }).toBe(true);
    if (!onTracker()) {
      expect(await page.locator('#request-number').textContent()).toBe(federatedId);
      await expectAccessible(page, 'sent page with the federated id');
      await Promise.all([page.waitForURL(/\/track\/tallgrass-county%3A\d+$/), page.getByRole('link', { name: 'Track your request' }).click()]);
    }
    expect(await page.locator('#handled-by').textContent()).toBe('This request is handled by Tallgrass County (County). What you see here is read from their service.');
    expect(await page.locator('#request-status').textContent()).toBe('Open');
    expect((await page.textContent('main'))?.toLowerCase()).not.toContain(EMAIL);
    await expectAccessible(page, 'tracker of a federated id');
    expect(errors).toEqual([]);
  });

  it('goes Back to the form and sends it again: it lands on the report already sent', { timeout: 30_000 }, async () => {
    const { s, citizen: { page, errors } } = j;
    const form = /\/report\/to\/tallgrass-county%3ACULVERT\?lat=/;
    for (let i = 0; i < 3 && !form.test(page.url()); i++) await page.goBack();
    expect(page.url()).toMatch(form);
    const description = page.getByLabel(/^Describe the problem/);
    if ((await description.inputValue()) === '') await description.fill('The culvert under the county road is blocked by branches.');
    const email = page.getByRole('textbox', { name: 'Email address' });
    if ((await email.inputValue()) === '') await email.fill(TYPED);
    expect(await sentToken(page, () => page.getByRole('button', { name: 'Send report' }).click())).toBe(stored?.token);
    const routed = await s.store.federation.list({ endpoint_slug: 'tallgrass-county', limit: 500, offset: 0 });
    expect(routed.filter((r) => r.fields.description === stored?.fields.description)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('signs in by the link from the outbox', { timeout: 30_000 }, async () => {
    const { s, citizen: { page } } = j;
    await Promise.all([page.waitForURL(/\/account\/sign-in$/), page.getByRole('link', { name: 'Sign in' }).click()]);
    await page.getByRole('textbox', { name: 'Email address' }).fill(EMAIL);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email');
    // Asking for the link proved nothing: the report has no account yet.
    expect((await s.store.federation.get(stored!.id))?.account_id).toBeNull();
    const mail = (await mailsTo(s.store, EMAIL)).find((m) => m.subject === 'Your sign-in link');
    if (!mail) throw new Error('no sign-in mail in the outbox');
    await page.goto(s.url(linkIn(mail, /^\/account\/link$/)));
    await Promise.all([page.waitForURL(/\/account$/), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect.poll(() => page.locator('#signed-in-as').textContent()).toBe(`Signed in as ${EMAIL}`);
  });

  it('sees the report made before signing in in My reports, with its live status, linked to the tracker', { timeout: 20_000 }, async () => {
    const { s, citizen: { page } } = j;
    expect(await page.locator('#reports-claimed').textContent()).toContain('Reports you made with this address are listed here, including those sent before you signed in');
    const table = page.locator('#my-federated-reports');
    expect(await table.locator('tbody tr').first().textContent()).toContain('Tallgrass County');
    // The county is an endpoint of this very site: its copy of the report is listed among the site's too.
    expect(await page.locator(`#report-${stored!.upstream_id}`).textContent()).toContain('Blocked or damaged culvert');
    const accountId = (await s.store.federation.get(stored!.id))?.account_id;
    expect(accountId).toEqual(expect.any(String));
    const status = table.getByRole('link', { name: `Request ${federatedId}: Open` });
    await Promise.all([page.waitForURL(/\/track\/tallgrass-county%3A\d+$/), status.click()]);
    await page.goto(s.url('/account'));
    await expectAccessible(page, 'My reports with a report claimed at sign-in');
    await screenshot(page, 'routed-my-reports');
  });

  it('exports the data as JSON and deletes the account: the report loses its contact data', { timeout: 20_000 }, async () => {
    const { s, citizen: { page, errors } } = j;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as JSON' }).click()]);
    const data = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(data.account.email).toBe(EMAIL);
    expect(data.federated_reports).toEqual([expect.objectContaining({ id: stored!.id, endpoint: 'tallgrass-county', contact: expect.objectContaining({ email: TYPED }) })]);
    expect(data.reports).toEqual([expect.objectContaining({ service_request_id: stored!.upstream_id, contact: expect.objectContaining({ email: TYPED }) })]);
    await Promise.all([page.waitForURL(/\/account\/delete$/), page.getByRole('link', { name: 'Delete my account…' }).click()]);
    await page.getByLabel('I understand that my account and my contact details will be erased').check();
    await Promise.all([page.waitForURL(/\/account\/deleted/), page.getByRole('button', { name: 'Delete my account' }).click()]);
    await expectAccessible(page, 'account deleted');
    expect(await s.store.federation.get(stored!.id)).toMatchObject({ account_id: null, contact: NO_CONTACT, fields: { description: 'The culvert under the county road is blocked by branches.' } });
    expect((await s.store.getRequest(DEMO_COUNTY.id, stored!.upstream_id!))?.reporter).toEqual({ ...NO_CONTACT, account_id: null });
    expect(await mailsTo(s.store, EMAIL)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
