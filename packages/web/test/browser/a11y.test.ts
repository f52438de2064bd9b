/**
 * axe-core (WCAG 2.1 A/AA) on every page of the three apps: no serious or
 * critical violation. Screenshots of the main pages are kept as artefacts
 * (test-artifacts/screenshots/pages-*.png, not committed), with a phone-sized
 * report form and tracker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_JURISDICTION } from '@o311/demo';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { seedRequest, userId } from '../support/back-office.js';
import { pngPhoto } from '../fixtures/photo.js';
import { expectAccessible, signIn, startBrowserSuite, type BrowserSuite } from './support.js';

const PHONE = { width: 390, height: 844 };

/** What the page paths need: a request with a photo, answers and a public note, and the other records' ids. */
interface Fixtures {
  id: string;
  confirmToken: string;
  unsubscribeToken: string;
  userId: string;
  templateId: string;
  /** A request filed by phone (the only kind /staff/calls/filed shows). */
  phoneId: string;
}

interface PageCase {
  name: string;
  path: (f: Fixtures) => string;
  /** Saved as test-artifacts/screenshots/pages-<name>.png */
  screenshot?: boolean;
  /** Expected HTTP status; default 200. */
  status?: number;
}

const CITIZEN_PAGES: readonly PageCase[] = [
  { name: 'home', path: () => '/', screenshot: true },
  { name: 'home filtered without JavaScript', path: () => '/?q=light' },
  { name: 'developers', path: () => '/developers', screenshot: true },
  { name: 'open data', path: () => '/open-data' },
  { name: 'who covers it', path: () => '/discover' },
  { name: 'report form', path: () => '/report/POTHOLE', screenshot: true },
  { name: 'confirmation', path: (f) => `/report/POTHOLE/sent?id=${f.id}`, screenshot: true },
  { name: 'tracker', path: (f) => `/track/${f.id}`, screenshot: true },
  { name: 'tracker, follow mail sent', path: (f) => `/track/${f.id}?follow=sent` },
  { name: 'follow confirmation', path: (f) => `/track/${f.id}/follow/confirm?token=${f.confirmToken}` },
  { name: 'unsubscribe', path: (f) => `/track/unsubscribe?token=${f.unsubscribeToken}` },
  { name: 'bad follow link', path: (f) => `/track/${f.id}/follow/confirm?token=not-a-token`, status: 404 },
  { name: '404 unknown request', path: () => '/track/999999', status: 404, screenshot: true },
  { name: '404 unknown request number', path: () => '/track?id=999999', status: 404 },
  { name: '404 unknown service', path: () => '/report/NO_SUCH_SERVICE', status: 404 },
  { name: '400 refused input (a NUL in the query)', path: () => '/track?id=1%00', status: 400 },
];

/** In a browser of their own: `?lang=` is remembered in a cookie. */
const SPANISH_PAGES: readonly PageCase[] = [
  { name: 'home in Spanish', path: () => '/?lang=es' },
  { name: 'report form in Spanish', path: () => '/report/POTHOLE' },
  { name: 'tracker in Spanish', path: (f) => `/track/${f.id}` },
];

const STAFF_PAGES: readonly PageCase[] = [
  { name: 'inbox', path: () => '/staff', screenshot: true },
  { name: 'inbox filtered', path: () => '/staff?status=closed&service=POTHOLE&sort=priority&dir=desc' },
  { name: 'request page', path: (f) => `/staff/requests/${f.id}`, screenshot: true },
  { name: 'services list', path: () => '/staff/services', screenshot: true },
  { name: 'services editor', path: () => '/staff/services/POTHOLE/edit', screenshot: true },
  { name: 'new service', path: () => '/staff/services/new' },
  { name: 'templates', path: () => '/staff/templates' },
  { name: 'template editor', path: (f) => `/staff/templates/${f.templateId}/edit` },
  { name: 'users', path: () => '/staff/users', screenshot: true },
  { name: 'user', path: (f) => `/staff/users/${f.userId}` },
  { name: 'departments', path: () => '/staff/departments' },
  { name: 'API keys', path: () => '/staff/keys' },
  { name: 'reporter mail settings', path: () => '/staff/reporter-settings' },
  { name: 'webhooks', path: () => '/staff/webhooks' },
  { name: 'background jobs', path: () => '/staff/jobs' },
  { name: 'audit log', path: () => '/staff/audit' },
  { name: 'account', path: () => '/staff/account' },
  { name: 'take a call', path: () => '/staff/calls' },
  { name: 'call form', path: () => '/staff/calls/report/POTHOLE', screenshot: true },
  { name: 'request filed by phone', path: (f) => `/staff/calls/filed/${f.phoneId}` },
  { name: '404 unknown request', path: () => '/staff/requests/999999', status: 404 },
];

/** The phone the sweep below uses: the narrowest common one. */
const SMALL_PHONE = { width: 375, height: 667 };

const shotName = (name: string): string => `pages-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;

async function makeFixtures(s: BrowserSuite): Promise<Fixtures> {
  const { store } = s;
  const j = DEMO_JURISDICTION.id;
  const request = await seedRequest(store, {
    service_code: 'POTHOLE',
    lat: 41.5868, long: -93.625, address: '400 Robert D Ray Dr',
    description: 'Deep pothole by the bus stop.',
    attributes: { LOCATION: 'travel_lane', SIZE: 'large' },
    media: [{ content_type: 'image/png', filename: 'pothole.png', bytes: pngPhoto({ width: 64, height: 48 }) }],
  });
  await store.changeStatus({ jurisdiction_id: j, request_id: request.id, status: 'action_scheduled', note: 'Patching is scheduled for Monday.', author: null });
  const { confirmSecret, unsubscribeSecret } = await store.addFollower({ jurisdiction_id: j, request_id: request.id, email: 'a11y@example.org' });
  const template = (await store.listTemplates(j))[0];
  if (!template) throw new Error('no demo template');
  const byPhone = await seedRequest(store, { service_code: 'POTHOLE', channel: 'phone', address: '400 Robert D Ray Dr' });
  return {
    id: request.id, confirmToken: confirmSecret, unsubscribeToken: unsubscribeSecret, userId: await userId(store, 'agent'), templateId: template.id,
    phoneId: byPhone.id,
  };
}

describe.skipIf(!browserAvailable)('every page passes axe-core', () => {
  let s: BrowserSuite;
  let f: Fixtures;
  let citizen: Page;
  let spanish: Page;
  let staff: Page;

  async function check(page: Page, c: PageCase): Promise<void> {
    const res = await page.goto(s.url(c.path(f)));
    expect(res?.status(), c.name).toBe(c.status ?? 200);
    await expectAccessible(page, c.name);
    if (c.screenshot) await screenshot(page, shotName(c.name));
  }

  beforeAll(async () => {
    s = await startBrowserSuite();
    f = await makeFixtures(s);
    citizen = (await s.open(undefined, { axe: true })).page;
    spanish = (await s.open(undefined, { axe: true })).page;
    staff = (await s.open(undefined, { axe: true })).page;
  });
  afterAll(() => s?.close());

  it.each(CITIZEN_PAGES)('citizen: $name', async (c) => check(citizen, c));
  it.each(SPANISH_PAGES)('citizen: $name', async (c) => check(spanish, c));

  it('citizen: report form showing its errors', async () => {
    await citizen.goto(s.url('/report/POTHOLE'));
    await citizen.getByRole('button', { name: 'Send report' }).click();
    await citizen.getByRole('alert', { name: 'There is a problem' }).waitFor();
    await expectAccessible(citizen, 'report form with errors');
    await screenshot(citizen, shotName('report form with errors'));
  });

  it('citizen: phone-sized report form and tracker', async () => {
    const phone = (await s.open(undefined, { axe: true, viewport: PHONE })).page;
    for (const c of [
      { name: 'phone report form', path: () => '/report/POTHOLE', screenshot: true },
      { name: 'phone tracker', path: (x: Fixtures) => `/track/${x.id}`, screenshot: true },
    ]) {
      await check(phone, c);
      const overflow = await phone.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, `${c.name}: no sideways scrolling on a phone`).toBeLessThanOrEqual(0);
    }
  });

  it('staff: login', async () => {
    await check(staff, { name: 'staff login', path: () => '/staff/login', screenshot: true });
    await signIn(staff, s, 'admin');
  });

  it.each(STAFF_PAGES)('staff: $name', async (c) => check(staff, c));

  /** How far the page scrolls sideways (0 when it fits the viewport). */
  const overflow = (page: Page): Promise<number> =>
    page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });

  it('every citizen and staff page fits a 375 px phone: no sideways scrolling', async () => {
    const phone = (await s.open(undefined, { viewport: SMALL_PHONE })).page;
    const wide: string[] = [];
    for (const c of CITIZEN_PAGES) {
      await phone.goto(s.url(c.path(f)));
      if ((await overflow(phone)) > 0) wide.push(c.name);
    }
    await signIn(phone, s, 'admin');
    for (const c of STAFF_PAGES) {
      await phone.goto(s.url(c.path(f)));
      if ((await overflow(phone)) > 0) wide.push(`staff: ${c.name}`);
    }
    expect(wide).toEqual([]);
  });
});
