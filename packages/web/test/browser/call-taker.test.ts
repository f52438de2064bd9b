/**
 * The issue-15 proof "a call-taker logs a request for a caller by keyboard
 * only", in Chromium: an agent with the call-taker capability looks the caller
 * up by phone (their earlier request shown), finds the service by typing a
 * keyword, answers its questions, finds the address in the gazetteer (the
 * map shows it), saves,
 * reads the number, and "Next caller" puts the focus on the first field. The
 * request is then on the Open311 API, and the staff API says it came by phone.
 * No mouse click anywhere; axe finds nothing serious at desktop width and at 375 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_JURISDICTION } from '@o311/demo';
import { browserAvailable } from '../../../../test-support/browser.js';
import { seedRequest } from '../support/back-office.js';
import { expectAccessible, publicRequest, signIn, startBrowserSuite, tabTo, typeInto, type BrowserSuite } from './support.js';

const CALLER_PHONE = '+1 515 555 0177';
const PHONE_WIDTH = { width: 375, height: 740 };

let s: BrowserSuite;
let earlier = '';
beforeAll(async () => {
  s = await startBrowserSuite();
  const agent = await s.store.findUserByEmail('agent@riverton.example');
  if (!agent) throw new Error('no demo agent');
  await s.store.updateUser(agent.id, { call_taker: true });
  earlier = (await seedRequest(s.store, {
    service_code: 'STREETLIGHT', address: '40 Oak Ave',
    reporter: { email: null, first_name: 'Cal', last_name: 'Ler', phone: '515-555-0177', device_id: null, account_id: null },
  })).id;
});
afterAll(() => s?.close());

/** Presses Enter on `target` (reached by Tab) and waits for the page the form or link leads to. */
async function enterOn(page: Page, target: Locator, next: () => Promise<unknown>): Promise<void> {
  await tabTo(page, target);
  await Promise.all([next(), page.keyboard.press('Enter')]);
}

const focusedId = (page: Page): Promise<string> =>
  page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ?? '');

describe.skipIf(!browserAvailable)('a call-taker logs a request for a caller by keyboard only (issue 15)', () => {
  it('looks the caller up, files the request and reads the number', { timeout: 90_000 }, async () => {
    const { page, errors } = await s.open(undefined, { axe: true });
    await signIn(page, s, 'agent', '/staff/calls');

    // The caller field has the focus when the screen opens.
    await expect.poll(() => focusedId(page), { timeout: 3000 }).toBe('call-caller');
    await expectAccessible(page, 'call start');
    await page.keyboard.type(CALLER_PHONE);
    const history = page.getByRole('region', { name: 'Requests they reported' });
    await Promise.all([history.waitFor(), page.keyboard.press('Enter')]);
    expect(await history.getByRole('link', { name: earlier }).count(), 'the earlier request of the caller').toBe(1);
    await expectAccessible(page, 'call start with the caller\'s requests');

    // The caller looked up, the service search has the focus. A keyword several services name lists them, the best first and focused.
    await expect.poll(() => focusedId(page), { timeout: 3000 }).toBe('call-service-search');
    await page.keyboard.type('light');
    await Promise.all([page.locator('#call-matches').waitFor(), page.keyboard.press('Enter')]);
    // Autofocus lands just after the load.
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent), { message: 'the best match focused', timeout: 3000 }).toBe('Streetlight out');
    await expectAccessible(page, 'call start with the services found');

    // A keyword one service alone names (here in Spanish, for an English-speaking agent): Enter opens its form, First name focused.
    await tabTo(page, page.getByRole('searchbox', { name: 'What is it about?' }));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('bache');
    const formTitle = page.getByRole('heading', { level: 1, name: 'New request for a caller: Pothole' });
    await Promise.all([formTitle.waitFor(), page.keyboard.press('Enter')]);
    await expect.poll(() => focusedId(page), { message: 'the first field of the form', timeout: 3000 }).toBe('f-first-name');
    expect(page.url(), 'the caller\'s number stays out of the URL').toBe(s.url('/staff/calls'));

    expect(await page.getByLabel('Phone number').inputValue(), 'the phone looked up').toBe(CALLER_PHONE);
    await page.keyboard.type('Ann');
    await typeInto(page, page.getByLabel('Last name'), 'Caller');
    await typeInto(page, page.getByLabel('Email address'), 'ann.caller@example.org');

    // The map is there for those who point; the keyboard finds the address (on the page: browser/staff-call.ts).
    await page.locator('#call-map .leaflet-tile-pane').waitFor({ state: 'attached' });
    await typeInto(page, page.getByLabel(/^Address/), '226 Main St');
    const places = page.getByRole('group', { name: 'Places found for “226 Main St”' });
    await enterOn(page, page.getByRole('button', { name: 'Find this address' }), () => places.waitFor());
    await expectAccessible(page, 'call form with the places found');
    // The first place found has the focus: Enter shows it on the map, then "Use this place" sets the point.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } | null } }).document.activeElement?.className)).toBe('geocode-choice');
    await page.keyboard.press('Enter');
    await page.locator('#call-map .leaflet-marker-icon').waitFor();
    await enterOn(page, places.getByRole('button', { name: 'Use this place' }), () => places.waitFor({ state: 'detached' }));
    expect(await page.getByLabel('Latitude').inputValue(), 'the point of the place chosen').not.toBe('');
    expect(await page.getByLabel('First name').inputValue(), 'the values kept').toBe('Ann');

    const where = page.getByRole('group', { name: /Where in the road is it\?/ });
    await tabTo(page, where.getByRole('radio', { name: 'Travel lane' }));
    await page.keyboard.press('Space');
    const size = page.getByRole('group', { name: /How big is it\?/ });
    await tabTo(page, size.getByRole('radio', { name: 'Smaller than a dinner plate' }));
    await page.keyboard.press('ArrowDown');
    await typeInto(page, page.getByLabel(/^What the caller says/), 'Deep hole in front of the shop.');
    await tabTo(page, page.getByLabel('The caller agrees to get the receipt by e-mail'));
    await page.keyboard.press('Space');

    await enterOn(page, page.getByRole('button', { name: 'Save the request' }), () => page.waitForURL(/\/staff\/calls\/filed\/\d+$/));
    const id = (await page.locator('#call-number').textContent()) ?? '';
    expect(id).toMatch(/^\d+$/);
    await expect.poll(() => focusedId(page), { message: '"Next caller" has the focus', timeout: 3000 }).toBe('call-next');
    await expectAccessible(page, 'request number');
    await page.setViewportSize(PHONE_WIDTH);
    await expectAccessible(page, 'request number at 375 px');

    // The request, on the Open311 API and, with its channel, on the staff API.
    const { request } = await publicRequest(s, id);
    expect(request).toMatchObject({ service_code: 'POTHOLE', description: 'Deep hole in front of the shop.' });
    const { secret } = await s.store.createStaffToken({ name: 'proof', role: 'viewer', jurisdictions: [DEMO_JURISDICTION.id] });
    const staff = await fetch(s.url(`/api/v1/requests/${id}`), { headers: { authorization: `Bearer ${secret}` } });
    expect(await staff.json()).toMatchObject({
      id, channel: 'phone', attributes: { LOCATION: 'travel_lane', SIZE: 'medium' },
      reporter: { first_name: 'Ann', phone: CALLER_PHONE, email: 'ann.caller@example.org' },
    });

    // Next caller: back to an empty screen, the first field focused.
    await Promise.all([page.waitForURL(/\/staff\/calls$/), page.keyboard.press('Enter')]);
    await expect.poll(() => focusedId(page), { timeout: 3000 }).toBe('call-caller');
    await expectAccessible(page, 'call start at 375 px');
    expect(errors).toEqual([]);
  });
});
