/**
 * The inbox, request page, services editor and templates in Chromium: axe-core
 * finds no serious or critical violation (errors shown too), the scripts work
 * under the real CSP (map, folded filters, templates, datatype toggle), and the main actions
 * can be done by keyboard.
 */
import { EXTENDED_STATUSES } from '@o311/georeport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable, describeViolations, isolateFromInternet, launchBrowser, screenshot, seriousViolations, type BrowserSession,
} from '../../../test-support/browser.js';
import { DEMO_EMAILS, DEMO_PASSWORD, buildWebTestApp, type WebTestApp } from './support/app.js';
import { allRequests } from './support/back-office.js';

describe.skipIf(!browserAvailable)('back office pages in Chromium', () => {
  let t: WebTestApp;
  let session: BrowserSession;
  const contexts: BrowserContext[] = [];

  /** A signed-in page; `axe` contexts bypass the CSP so that axe (an inline script) can run. */
  async function signedIn(role: 'agent' | 'admin', axe: boolean): Promise<{ page: Page; cspErrors: string[] }> {
    const context = await session.browser.newContext({ bypassCSP: axe, locale: 'en-US', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await isolateFromInternet(context, t.url!);
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && cspErrors.push(m.text()));
    page.on('pageerror', (e) => cspErrors.push(e.message));
    await page.goto(`${t.url}/staff/login`);
    await page.fill('#login-email', DEMO_EMAILS[role]);
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.click('.auth-submit');
    await page.waitForURL(/\/staff$/);
    return { page, cspErrors };
  }

  async function expectAccessible(page: Page, label: string): Promise<void> {
    const violations = await seriousViolations(page);
    expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
  }

  beforeAll(async () => {
    t = await buildWebTestApp({ listen: true });
    session = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await session?.close();
    await t?.close();
  });

  it('inbox: accessible, map drawn from the data block under the CSP, filters by keyboard', async () => {
    const { page, cspErrors } = await signedIn('agent', false);
    await page.waitForSelector('#inbox-map.inbox-map-ready .leaflet-marker-icon');
    await page.locator('#inbox-q').focus();
    await page.keyboard.type('a');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\?q=a&/);
    expect(await page.locator('.inbox-total').textContent()).toMatch(/requests match/);
    expect(cspErrors).toEqual([]);

    const axe = (await signedIn('agent', true)).page;
    await expectAccessible(axe, 'inbox');
    await screenshot(axe, 'staff-inbox');
    await axe.goto(`${t.url}/staff?status=closed&sort=priority&dir=desc&page=2`);
    await expectAccessible(axe, 'inbox filtered, sorted, page 2');
    await axe.fill('#saved-filter-name', ' ');
    await axe.click('#inbox-saved-title ~ form button[type=submit]');
    await axe.waitForSelector('.svc-error-summary');
    await expectAccessible(axe, 'inbox with an error');
  });

  it('request page: template inserted in place, Enter saves the one form, accessible with errors', async () => {
    const id = (await allRequests(t.store)).find((r) => EXTENDED_STATUSES[r.status] === 'open' && r.status !== 'fixed')!.id;
    const { page, cspErrors } = await signedIn('agent', false);
    await page.goto(`${t.url}/staff/requests/${id}`);
    await page.selectOption('#req-template', { label: 'Fixed (Fixed)' });
    await page.click('#request-update button[data-insert-template]');
    expect(await page.inputValue('#req-status')).toBe('fixed');
    expect(await page.inputValue('#req-comment')).toContain('Our crew has fixed the problem.');
    expect(await page.locator(':focus').getAttribute('id')).toBe('req-comment');
    expect(page.url()).not.toContain('template');
    await page.locator('#req-expected').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=saved$/);
    expect(await page.textContent('.svc-notice')).toBe('Your changes were saved.');
    expect(cspErrors).toEqual([]);

    const axe = (await signedIn('agent', true)).page;
    await axe.goto(`${t.url}/staff/requests/${id}`);
    await expectAccessible(axe, 'request page');
    await screenshot(axe, 'staff-request');
    await axe.fill('#req-duplicate-of', ' ');
    await axe.click('#request-duplicate button[type=submit]');
    await axe.waitForSelector('.svc-error-summary');
    expect(await axe.locator(':focus').getAttribute('class')).toBe('svc-error-summary');
    await expectAccessible(axe, 'request page with an error');
  });

  it('services editor and templates: accessible, rows by keyboard, values shown for list types only', async () => {
    const { page, cspErrors } = await signedIn('admin', false);
    await page.goto(`${t.url}/staff/services/new`);
    await page.locator('button[value="add-attribute"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#attr-0-code');
    expect(await page.locator(':focus').getAttribute('id')).toBe('attr-0-code');
    expect(await page.isHidden('#attr-0-values-block')).toBe(true);
    await page.selectOption('#attr-0-datatype', 'multivaluelist');
    expect(await page.isVisible('#attr-0-values')).toBe(true);
    expect(cspErrors).toEqual([]);

    const axe = (await signedIn('admin', true)).page;
    for (const path of ['/staff/services', '/staff/templates', '/staff/templates/new']) {
      await axe.goto(`${t.url}${path}`);
      await expectAccessible(axe, path);
    }
    const code = (await t.store.listServices((await t.store.listJurisdictions())[0]!.id)).find((s) => s.attributes.length >= 2)!.service_code;
    await axe.goto(`${t.url}/staff/services/${code}/edit`);
    await expectAccessible(axe, 'service editor');
    await screenshot(axe, 'staff-service-editor');
    // Problems only the server sees: a blank name and a position used twice.
    await axe.fill('#svc-name', ' ');
    await axe.fill('#attr-1-order', await axe.inputValue('#attr-0-order'));
    await axe.click('.svc-form-actions button[value="save"]');
    await axe.waitForSelector('.svc-error-summary');
    expect(await axe.locator('.svc-error-summary a').count()).toBe(2);
    await expectAccessible(axe, 'service editor with errors');
  });
});
