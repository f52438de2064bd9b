/**
 * The back office's daily work in Chromium (issue 14, items 7 and 9): an
 * agent opens a request, inserts a response template after what they typed,
 * changes status, priority and assignee and saves once, and sees it all
 * applied; the inbox on a 375 px phone (no sideways page scroll, filters
 * folded) and at 1,280 px (no clipped column); axe finds nothing serious.
 */
import { EXTENDED_STATUSES } from '@o311/georeport';
import { DEMO_JURISDICTION } from '@o311/demo';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { allRequests } from '../support/back-office.js';
import { expectAccessible, signIn, startBrowserSuite, type BrowserSuite } from './support.js';

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** What the page functions below see of the DOM (the tests are type-checked without the DOM library). */
interface Box {
  scrollWidth: number;
  clientWidth: number;
  tagName: string;
  textContent: string | null;
  classList: { contains(name: string): boolean };
}
interface PageWindow {
  innerWidth: number;
  document: { documentElement: Box; querySelector(s: string): Box | null; querySelectorAll(s: string): ArrayLike<Box> };
  getComputedStyle(e: Box): { display: string };
}

/** Content wider than the page's viewport (the page scrolls sideways). */
const pageOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    return w.document.documentElement.scrollWidth - w.innerWidth;
  });

/** The inbox table's cells whose content overflows them, and whether the table needs its own scroll bar. */
const clipped = (page: Page): Promise<{ cells: string[]; tableScrolls: boolean }> =>
  page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const wrap = w.document.querySelector('.inbox-table-wrap');
    const cells = Array.from(w.document.querySelectorAll('.inbox-table th, .inbox-table td, .inbox-table th *, .inbox-table td *'))
      .filter((c) => !c.classList.contains('sr-only') && c.scrollWidth > c.clientWidth + 1 && w.getComputedStyle(c).display !== 'inline')
      .map((c) => `${c.tagName} ${(c.textContent ?? '').trim().slice(0, 40)}`);
    return { cells, tableScrolls: wrap !== null && wrap.scrollWidth > wrap.clientWidth + 1 };
  });

describe.skipIf(!browserAvailable)('the back office’s request page and inbox in Chromium', () => {
  let s: BrowserSuite;
  beforeAll(async () => {
    s = await startBrowserSuite();
  });
  afterAll(() => s?.close());

  it('one form: template inserted after the typed text, status, priority and assignee saved by one button', { timeout: 30_000 }, async () => {
    const request = (await allRequests(s.store)).find((r) => EXTENDED_STATUSES[r.status] === 'open' && r.priority !== 'urgent')!;
    const { page, errors } = await s.open();
    await signIn(page, s, 'agent', `/staff/requests/${request.id}`);
    const form = page.getByRole('region', { name: 'Update this request' });
    await form.getByLabel('Message').fill('Thank you for the report.');
    await form.getByLabel('Template').selectOption({ label: 'Fixed (Fixed)' });
    await form.getByRole('button', { name: 'Insert template' }).click();
    const message = await form.getByLabel('Message').inputValue();
    expect(message).toMatch(/^Thank you for the report\.\n\n\S[\s\S]*Our crew has fixed the problem\./);
    expect(await form.getByLabel('Status', { exact: true }).inputValue()).toBe('fixed');
    expect(await form.getByRole('radio', { name: 'Public reply' }).isChecked()).toBe(true);
    expect(page.url(), 'inserted in place, no round trip').toMatch(new RegExp(`/staff/requests/${request.id}$`));

    await form.getByLabel('Status', { exact: true }).selectOption('in_progress');
    await form.getByLabel('Priority').selectOption('urgent');
    await form.getByLabel('Agent').selectOption({ label: 'Sam Okafor' });
    // Enter in a field saves (the first submit button of the form is "Insert template").
    await Promise.all([page.waitForURL(/done=saved$/), form.getByLabel('Expected').press('Enter')]);
    expect(await page.getByRole('status').first().textContent()).toBe('Your changes were saved.');

    const saved = await s.store.getTriagedRequest(DEMO_JURISDICTION.id, request.id);
    expect(saved).toMatchObject({ status: 'in_progress', priority: 'urgent', status_notes: message });
    expect(saved?.assigned_user_id).not.toBeNull();
    const after = page.getByRole('region', { name: 'Update this request' });
    expect(await after.getByLabel('Status', { exact: true }).inputValue()).toBe('in_progress');
    expect(await after.getByLabel('Priority').inputValue()).toBe('urgent');
    expect(await after.getByLabel('Agent').inputValue()).toBe(saved?.assigned_user_id);
    expect(await page.locator('.request-history').textContent()).toContain('Our crew has fixed the problem.');
    expect(errors).toEqual([]);
  });

  it('one form: the Service select moves a request to another service, and the history says so', { timeout: 30_000 }, async () => {
    const request = (await allRequests(s.store)).find((r) => EXTENDED_STATUSES[r.status] === 'open' && r.service_code !== 'GRAFFITI')!;
    const { page, errors } = await s.open();
    await signIn(page, s, 'agent', `/staff/requests/${request.id}`);
    const form = page.getByRole('region', { name: 'Update this request' });
    await form.getByLabel('Service', { exact: true }).selectOption('GRAFFITI');
    await Promise.all([page.waitForURL(/done=saved$/), page.getByRole('button', { name: 'Save changes' }).click()]);
    expect(await s.store.getRequest(DEMO_JURISDICTION.id, request.id)).toMatchObject({ service_code: 'GRAFFITI', service_name: 'Graffiti removal' });
    expect(await page.getByRole('region', { name: 'Update this request' }).getByLabel('Service', { exact: true }).inputValue()).toBe('GRAFFITI');
    expect(await page.locator('.request-history').textContent()).toContain(`${request.service_name} → Graffiti removal`);
    expect(errors).toEqual([]);
  });

  it('the one form without JavaScript: "Insert template" comes back with every field kept', { timeout: 20_000 }, async () => {
    const request = (await allRequests(s.store)).find((r) => EXTENDED_STATUSES[r.status] === 'open')!;
    const { page, context } = await s.open();
    await signIn(page, s, 'agent', `/staff/requests/${request.id}`);
    await context.route('**/assets/js/**', (route) => route.abort());
    await page.reload();
    const form = page.getByRole('region', { name: 'Update this request' });
    await form.getByLabel('Message').fill('Typed before the template.');
    await form.getByLabel('Priority').selectOption('high');
    await form.getByLabel('Template').selectOption({ label: 'Fixed (Fixed)' });
    await Promise.all([page.waitForURL(/\/template/), form.getByRole('button', { name: 'Insert template' }).click()]);
    const again = page.getByRole('region', { name: 'Update this request' });
    expect(await again.getByLabel('Message').inputValue()).toMatch(/^Typed before the template\.\n\n\S[\s\S]*Our crew has fixed the problem\./);
    expect(await again.getByLabel('Priority').inputValue()).toBe('high');
    expect(await again.getByLabel('Status', { exact: true }).inputValue()).toBe('fixed');
    expect((await s.store.getTriagedRequest(DEMO_JURISDICTION.id, request.id))?.priority).toBe(request.priority);
  });

  it('the request page is accessible, with and without errors, on a desktop and a phone', { timeout: 30_000 }, async () => {
    const request = (await allRequests(s.store)).find((r) => EXTENDED_STATUSES[r.status] === 'open')!;
    for (const viewport of [DESKTOP, PHONE]) {
      const { page } = await s.open(undefined, { axe: true, viewport });
      await signIn(page, s, 'agent', `/staff/requests/${request.id}`);
      await expectAccessible(page, `request page ${viewport.width}px`);
      expect(await pageOverflow(page), `request page ${viewport.width}px scrolls sideways`).toBeLessThanOrEqual(0);
      await screenshot(page, `staff-request-one-form-${viewport.width}`);
      await page.getByLabel('Message').fill('x'.repeat(10_001));
      await Promise.all([page.waitForURL(/\/update$/), page.getByRole('button', { name: 'Save changes' }).click()]);
      expect(await page.locator('.svc-error-summary a').getAttribute('href')).toBe('#req-comment');
      await expectAccessible(page, `request page with an error ${viewport.width}px`);
    }
  });

  it('inbox on a phone: open requests, filters folded, no sideways page scroll; accessible', { timeout: 30_000 }, async () => {
    const { page, errors } = await s.open(undefined, { axe: true, viewport: PHONE });
    await signIn(page, s, 'agent');
    expect(await page.locator('details.inbox-filters').getAttribute('open')).toBeNull();
    expect(await page.locator('#inbox-status input[value="open"]').isChecked()).toBe(true);
    expect(await pageOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'inbox 375px');
    await screenshot(page, 'staff-inbox-375');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'All statuses' }).check();
    await Promise.all([page.waitForURL(/status=all/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    expect(await pageOverflow(page), 'the page scrolls sideways (all statuses)').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'inbox 375px, all statuses');
    expect(errors).toEqual([]);
  });

  it('inbox at 1,280 px: filters open beside the table, no clipped column', { timeout: 30_000 }, async () => {
    const { page, errors } = await s.open(undefined, { axe: true, viewport: DESKTOP });
    await signIn(page, s, 'agent', '/staff');
    await page.goto(s.url('/staff?status=all'));
    expect(await page.locator('details.inbox-filters').getAttribute('open')).not.toBeNull();
    expect(await clipped(page)).toEqual({ cells: [], tableScrolls: false });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'inbox 1280px');
    await screenshot(page, 'staff-inbox-1280');
    // The longer French and Spanish labels wrap too.
    for (const lang of ['fr', 'es']) {
      await page.goto(s.url(`/staff?status=all&lang=${lang}`));
      expect(await clipped(page), lang).toEqual({ cells: [], tableScrolls: false });
    }
    expect(errors).toEqual([]);
  });
});
