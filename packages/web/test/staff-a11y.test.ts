/**
 * axe-core in Chromium on the sign-in and administration pages, including
 * pages showing form errors: no serious or critical violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable, describeViolations, isolateFromInternet, launchBrowser, screenshot, seriousViolations, type BrowserSession,
} from '../../../test-support/browser.js';
import { DEMO_EMAILS, DEMO_PASSWORD, buildWebTestApp, type WebTestApp } from './support/app.js';

/** A context that lets axe (an inline script) in despite the pages' CSP. */
async function axeContext(session: BrowserSession, origin: string): Promise<BrowserContext> {
  const context = await session.browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await isolateFromInternet(context, origin);
  return context;
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label}\n${describeViolations(violations)}`).toEqual([]);
}

describe.skipIf(!browserAvailable)('staff pages in Chromium with axe-core', () => {
  let t: WebTestApp;
  let session: BrowserSession;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await buildWebTestApp({ listen: true });
    session = await launchBrowser();
    context = await axeContext(session, t.url!);
    page = await context.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await t?.close();
  });

  const check = (label: string): Promise<void> => expectAccessible(page, label);

  it('login page, empty and with an error, is usable by keyboard', async () => {
    await page.goto(`${t.url}/staff/login`);
    await check('login');
    await screenshot(page, 'staff-login');
    await page.keyboard.press('Tab'); // skip link
    await page.locator('#login-email').focus();
    await page.keyboard.type(DEMO_EMAILS.admin);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    // The URL does not change (the form posts to itself): wait for the answer's message instead.
    await page.locator('#login-email-error').getByText('The email address or password is incorrect.').waitFor();
    await check('login with error');
  });

  it('administration pages', async () => {
    await page.goto(`${t.url}/staff/login?next=%2Fstaff%2Fusers`);
    await page.fill('#login-email', DEMO_EMAILS.admin);
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.click('.auth-submit');
    await page.waitForURL(/\/staff\/users$/);
    await check('users');
    await screenshot(page, 'staff-users');

    await page.click('#new-user-title ~ form button[type=submit]');
    await page.waitForLoadState();
    expect(await page.textContent('main')).toContain('Enter a name.');
    await check('users with errors');

    const viewer = (await t.store.findUserByEmail(DEMO_EMAILS.viewer))!;
    for (const path of [`/staff/users/${viewer.id}`, '/staff/departments', '/staff/keys', '/staff/audit', '/staff/jobs', '/staff/account']) {
      await page.goto(`${t.url}${path}`);
      await check(path);
    }

    await page.goto(`${t.url}/staff/keys`);
    await page.fill('#new-key-name', 'Axe app');
    await page.click('#new-key-title ~ form button[type=submit]');
    await page.waitForSelector('#new-key-secret');
    await check('new key');
  });

  it('refusal pages', async () => {
    const agentContext = await axeContext(session, t.url!);
    const agentPage = await agentContext.newPage();
    try {
      await agentPage.goto(`${t.url}/staff/login`);
      await agentPage.fill('#login-email', DEMO_EMAILS.agent);
      await agentPage.fill('#login-password', DEMO_PASSWORD);
      await agentPage.click('.auth-submit');
      await agentPage.waitForURL(/\/staff$/);
      const res = await agentPage.goto(`${t.url}/staff/keys`);
      expect(res?.status()).toBe(403);
      await expectAccessible(agentPage, 'refusal');
    } finally {
      await agentContext.close();
    }
  });
});
