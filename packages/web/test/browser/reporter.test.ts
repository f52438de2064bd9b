/**
 * The reporter's journey in Chromium (issue 14): a report with an e-mail from
 * the page (its JavaScript path) gets its receipt in the outbox; staff close
 * it; "is it fixed?" comes once; the "no" link opens a page with one button
 * whose POST reopens the request, shown on the tracker; the receipt's link
 * adds a comment, marked as the reporter's on the tracker. The new pages have
 * no serious axe problems and no sideways scroll on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JURISDICTION } from '@o311/demo';
import { JOB, startJobQueue, type JobQueue } from '@o311/server';
import type { OutboxMessage } from '@o311/store';
import { browserAvailable } from '../../../../test-support/browser.js';
import { expectAccessible, linkIn, mailsTo, signIn, startBrowserSuite, type BrowserSuite, type WatchedPage } from './support.js';

const REPORTER = 'rosa.reporter@example.org';
const PHONE = { width: 375, height: 740 };

const sidewaysScroll = (w: WatchedPage): Promise<number> =>
  w.page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

describe.skipIf(!browserAvailable)('the reporter\'s mail and updates, in a browser', () => {
  let s: BrowserSuite;
  let jobs: JobQueue;
  let id = '';
  let receipt: OutboxMessage | undefined;

  beforeAll(async () => {
    jobs = await startJobQueue('sqlite::memory:');
    s = await startBrowserSuite({ jobs });
  });
  afterAll(async () => {
    await s?.close();
    await jobs?.stop({ graceMs: 0 });
  });

  const mailAbout = async (subject: RegExp): Promise<OutboxMessage> => {
    let found: OutboxMessage | undefined;
    await expect.poll(async () => (found = (await mailsTo(s.store, REPORTER)).find((m) => subject.test(m.subject))) !== undefined, { timeout: 10_000 }).toBe(true);
    return found!;
  };

  it('a report with an e-mail gets its receipt at once', { timeout: 30_000 }, async () => {
    const { page } = await s.open('/report/POTHOLE');
    await page.getByLabel('Address or description of the place').fill('Main St at 5th Ave');
    await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
    await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('About the size of a car tire').check();
    await page.getByLabel('About how deep is it (cm)?').fill('12');
    await page.getByLabel(/^Describe the problem/).fill('Deep hole by the school.');
    await page.getByRole('textbox', { name: 'Email address' }).fill(REPORTER);
    await Promise.all([page.waitForURL(/\/report\/POTHOLE\/sent\?/), page.getByRole('button', { name: 'Send report' }).click()]);
    id = (await page.locator('#request-number').textContent()) ?? '';
    expect(id).toMatch(/^\d+$/);
    receipt = await mailAbout(/We received your request/);
    expect(receipt.subject).toBe(`We received your request #${id}`);
    expect(linkIn(receipt, /^\/reporter\/update$/)).toMatch(/token=o311r_/);
  });

  it('staff close it; "is it fixed? no" shows one button, and its POST reopens it on the tracker', { timeout: 30_000 }, async () => {
    const { secret } = await s.store.createStaffToken({ name: 'crew', role: 'agent' });
    const closed = await fetch(s.url(`/api/v1/requests/${id}/status`), {
      method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'closed', note: 'Filled on Monday.' }),
    });
    expect(closed.status).toBe(200);
    await jobs.enqueue(JOB.reporterTick, {});
    const question = await mailAbout(/^Is it fixed\?/);
    const w = await s.open(linkIn(question, /^\/reporter\/fixed$/).replace('answer=yes', 'answer=no'), { axe: true, viewport: PHONE });
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Is it fixed? Request #${id}`);
    expect(await w.page.locator('#fixed-answer').textContent()).toBe('Your answer: no, it is not fixed.');
    await expectAccessible(w.page, 'is it fixed? page');
    expect(await sidewaysScroll(w)).toBe(0);
    expect((await s.store.getRequest(DEMO_JURISDICTION.id, id))?.status, 'the GET changes nothing').toBe('closed');

    await w.page.getByLabel('Comment (optional, shown publicly)').fill('Still a hole after the rain.');
    await w.page.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => w.page.locator('#fixed-outcome').textContent()).toBe(`Request #${id} has been reopened.`);
    await expectAccessible(w.page, 'answer recorded page');
    await Promise.all([w.page.waitForURL(new RegExp(`/track/${id}$`)), w.page.getByRole('link', { name: `See request #${id}` }).click()]);
    await expect.poll(() => w.page.locator('#request-status').textContent()).toBe('Open');
    const last = w.page.getByRole('region', { name: 'What has happened' }).getByRole('listitem').last();
    expect(await last.textContent()).toMatch(/Reopened by the reporter[\s\S]*Still a hole after the rain\./);
    expect(await w.page.content()).not.toContain(REPORTER);
    expect(w.errors).toEqual([]);
  });

  it('the receipt\'s link adds a comment, marked as the reporter\'s on the tracker', { timeout: 30_000 }, async () => {
    const w = await s.open(linkIn(receipt!, /^\/reporter\/update$/), { axe: true, viewport: PHONE });
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Add an update to request #${id}`);
    await expectAccessible(w.page, 'reporter update page');
    expect(await sidewaysScroll(w)).toBe(0);
    await w.page.getByLabel('Comment', { exact: true }).fill('The cone someone put there is gone.');
    await Promise.all([w.page.waitForURL(new RegExp(`/track/${id}#timeline$`)), w.page.getByRole('button', { name: 'Send update' }).click()]);
    const last = w.page.getByRole('region', { name: 'What has happened' }).getByRole('listitem').last();
    expect(await last.textContent()).toMatch(/Update from the reporter[\s\S]*The cone someone put there is gone\./);
    expect(w.errors).toEqual([]);
  });

  it('admins set the reporter settings in the back office', { timeout: 20_000 }, async () => {
    const w = await s.open(undefined, { axe: true, viewport: PHONE });
    await signIn(w.page, s, 'admin', '/staff/reporter-settings');
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('Mail to reporters');
    await expectAccessible(w.page, 'reporter settings');
    expect(await sidewaysScroll(w)).toBe(0);
    await w.page.getByLabel('Reopen window after closing (days)').fill('400');
    await w.page.getByRole('button', { name: 'Save mail settings' }).click();
    await expect.poll(() => w.page.getByRole('alert').textContent()).toContain('Give a whole number of days from 0 to 365.');
    await expectAccessible(w.page, 'reporter settings with an error');
    await w.page.getByLabel('Reopen window after closing (days)').fill('10');
    await Promise.all([w.page.waitForURL(/done=saved/), w.page.getByRole('button', { name: 'Save mail settings' }).click()]);
    expect((await s.store.reporter.settings(DEMO_JURISDICTION.id)).reopen_window_days).toBe(10);
  });

  it('a wrong link says so', { timeout: 15_000 }, async () => {
    const w = await s.open('/reporter/update?token=o311r_not-a-real-one', { axe: true });
    await expect.poll(() => w.page.getByRole('heading', { level: 1 }).textContent()).toBe('This link does not work');
    await expectAccessible(w.page, 'bad reporter link page');
  });
});
