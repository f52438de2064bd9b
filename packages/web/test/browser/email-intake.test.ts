/**
 * The e-mail intake in Chromium (issue 15, item 2): a mail with a GPS photo
 * sent over SMTP becomes a request shown on the tracker with its photo; an
 * agent's public reply on the staff request page goes back to the reporter in
 * their thread (In-Reply-To their message, Reply-To the intake's plus
 * address); the reporter's reply over SMTP lands as an update on the tracker;
 * the quarantine page (with a flooding sender's mail held) passes axe.
 */
import nodemailer from 'nodemailer';
import { DEMO_JURISDICTION } from '@o311/demo';
import { emailIntakePlugin, parseIntakeAddress, DEFAULT_MAIL_LIMITS, type SmtpIntake } from '@o311/email-intake';
import type { OutboxMessage } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../../../../test-support/browser.js';
import { jpegAt } from '../../../email-intake/test/support/gps-jpeg.js';
import { expectAccessible, mailsTo, signIn, startBrowserSuite, type BrowserSuite } from './support.js';

const INTAKE = 'report@riverton.example';
const REPORTER = 'jane.mail@example.org';
const FIRST_ID = 'first-report.1@example.org';

describe.skipIf(!browserAvailable)('reports by e-mail in Chromium', () => {
  let s: BrowserSuite;
  let smtp: SmtpIntake | undefined;
  let requestId = '';
  let threaded: OutboxMessage | undefined;
  const intake = { addresses: [parseIntakeAddress(INTAKE, DEMO_JURISDICTION.id)!], limits: { ...DEFAULT_MAIL_LIMITS, perSenderLimit: 2 } };

  beforeAll(async () => {
    s = await startBrowserSuite({
      web: { emailIntake: intake },
      plugins: [emailIntakePlugin({ ...intake, smtp: { port: 0, host: '127.0.0.1' }, ready: (_ic, listener) => void (smtp = listener) })],
    });
  });
  afterAll(() => s?.close());

  const send = (m: nodemailer.SendMailOptions) => {
    if (!smtp) throw new Error('the SMTP listener did not start');
    return nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }).sendMail(m);
  };

  it('files a mail with a photo as a request the tracker shows with its photo', { timeout: 30_000 }, async () => {
    const info = await send({
      from: `Jane <${REPORTER}>`, to: INTAKE, subject: 'Broken bench in the park', text: 'The bench is broken, see the photo.', messageId: `<${FIRST_ID}>`,
      attachments: [{ filename: 'bench.jpg', content: jpegAt(41.5868, -93.625), contentType: 'image/jpeg' }],
    });
    requestId = /Queued as request (\d+)/.exec(info.response)?.[1] ?? '';
    expect(requestId, info.response).not.toBe('');
    const { page, errors } = await s.open(`/track/${requestId}`);
    await expect.poll(() => page.getByText('The bench is broken, see the photo.').count()).toBeGreaterThan(0);
    const photo = page.locator('img[src*="/open311/v2/media/"]').first();
    expect(await photo.getAttribute('src')).toBeTruthy();
    expect(await page.content()).not.toContain(REPORTER);
    expect(errors).toEqual([]);
    await expect.poll(async () => (await mailsTo(s.store, REPORTER)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const [receipt] = await mailsTo(s.store, REPORTER);
    expect(receipt?.text).toContain('reply to this e-mail');
    expect(receipt?.threading).toMatchObject({ inReplyTo: FIRST_ID, references: [FIRST_ID] });
  });

  it("an agent's public reply goes to the reporter in their thread", { timeout: 30_000 }, async () => {
    const { page } = await s.open();
    await signIn(page, s, 'agent', `/staff/requests/${requestId}`);
    const form = page.getByRole('region', { name: 'Update this request' });
    await form.getByLabel('Message').fill('Thank you, a crew will repair the bench this week.');
    await form.getByRole('radio', { name: 'Public reply' }).check();
    await Promise.all([page.waitForURL(/done=saved$/), page.getByRole('button', { name: 'Save changes' }).click()]);
    await expect
      .poll(async () => (threaded = (await mailsTo(s.store, REPORTER)).find((m) => m.text.includes('a crew will repair the bench'))), { timeout: 15_000 })
      .toBeDefined();
    expect(threaded?.threading).toMatchObject({ inReplyTo: FIRST_ID, references: [FIRST_ID] });
    expect(threaded?.threading?.replyTo).toMatch(/^report\+[A-Za-z0-9_-]{16,}@riverton\.example$/);
  });

  it("the reporter's reply over SMTP lands as an update on the tracker", { timeout: 30_000 }, async () => {
    const t = threaded!.threading!;
    await send({
      from: REPORTER, to: t.replyTo, subject: 'Re: your request', inReplyTo: `<${t.messageId}>`, references: [`<${FIRST_ID}>`, `<${t.messageId}>`],
      text: 'Thanks! The left leg is also loose.\n\nOn Fri, Riverton wrote:\n> Thank you, a crew will repair the bench this week.',
    });
    const { page, errors } = await s.open(`/track/${requestId}`);
    await expect.poll(() => page.getByText('Thanks! The left leg is also loose.').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('holds a flooding sender’s mail in the quarantine page, which passes axe', { timeout: 30_000 }, async () => {
    for (let i = 0; i < 3; i++) await send({ from: 'flood@example.org', to: INTAKE, subject: `Flood ${i}`, text: 'spam' });
    const { page, errors } = await s.open(undefined, { axe: true });
    await signIn(page, s, 'admin', '/staff/mail-quarantine');
    const rows = page.locator('table.admin-table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('The sender sent more mail than the hourly limit');
    await expectAccessible(page, 'quarantine page');
    await Promise.all([page.waitForURL(/done=deleted$/), rows.first().getByRole('button', { name: /Delete/ }).click()]);
    expect(await page.getByText('No mail is waiting.').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
