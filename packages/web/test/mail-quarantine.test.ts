/**
 * /staff/mail-quarantine without a browser: admins only; a held message is
 * read as escaped text, released (filed as a request, past the sender's
 * limit) or deleted, each audited; an unknown or already handled one is 404.
 */
import { DEMO_JURISDICTION } from '@o311/demo';
import { DEFAULT_MAIL_LIMITS, emailIntakePlugin, ingestMail, parseIntakeAddress, type IntakeContext } from '@o311/email-intake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawMail } from '../../email-intake/test/support/mails.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

const INTAKE = 'report@riverton.example';

describe('mail quarantine page', () => {
  let t: WebTestApp;
  let ic: IntakeContext | undefined;
  let admin: StaffAuth;
  const intake = { addresses: [parseIntakeAddress(INTAKE, DEMO_JURISDICTION.id)!], limits: { ...DEFAULT_MAIL_LIMITS, perSenderLimit: 1 } };

  beforeAll(async () => {
    t = await buildWebTestApp({ web: { emailIntake: intake }, plugins: [emailIntakePlugin({ ...intake, ready: (opened) => void (ic = opened) })] });
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  let n = 0;
  const send = async (body: string) => {
    const mail = { from: 'flood@example.org', to: INTAKE, subject: `Flood ${++n}`, body, messageId: `q${n}.${Date.now()}@example.org` };
    return { mail, result: await ingestMail(ic!, rawMail(mail), { mailFrom: mail.from, rcptTo: [INTAKE] }) };
  };
  /** A mail from the flooding sender, held: the limit is one an hour. */
  const held = async (body: string): Promise<string> => {
    const { mail } = await send(body);
    const found = (await t.store.mailIntake.quarantined(DEMO_JURISDICTION.id, 100)).find((m) => m.subject === mail.subject);
    if (!found) throw new Error('the mail was not held');
    return found.id;
  };

  it('is for admins only', async () => {
    expect((await t.get('/staff/mail-quarantine', await t.login('agent'))).statusCode).toBe(403);
    expect((await t.get('/staff/mail-quarantine')).statusCode).toBe(303);
  });

  it('shows held mail, and a message as escaped text', async () => {
    expect((await send('the first one is filed')).result.verdict).toBe('filed');
    const id = await held('Look: <script>alert(1)</script>');
    const list = await t.get('/staff/mail-quarantine', admin);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('The sender sent more mail than the hourly limit');
    const read = await t.get(`/staff/mail-quarantine/${id}`, admin);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Look: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(read.body).not.toContain('<script>alert(1)');
  });

  it('releases a held message as a request, audited, and then it is gone', async () => {
    const id = await held('Address: 1 Main St\nA broken bench.');
    const released = await t.postForm(`/staff/mail-quarantine/${id}/release`, {}, admin);
    expect(released.statusCode).toBe(200);
    const requestId = /filed as request (\d+)/.exec(released.body)?.[1];
    expect(requestId).toBeDefined();
    expect(await t.store.getRequest(DEMO_JURISDICTION.id, requestId!)).toMatchObject({ channel: 'email', address: '1 Main St' });
    const audit = await t.store.listAudit({ limit: 5 });
    expect(audit.find((a) => a.action === 'mail.release')).toMatchObject({ request_id: requestId, details: { verdict: 'filed' } });
    expect((await t.postForm(`/staff/mail-quarantine/${id}/release`, {}, admin)).statusCode).toBe(404);
  });

  it('deletes a held message once; unknown ids are 404', async () => {
    const id = await held('delete me');
    const deleted = await t.postForm(`/staff/mail-quarantine/${id}/delete`, {}, admin);
    expect(deleted.statusCode).toBe(303);
    expect((await t.postForm(`/staff/mail-quarantine/${id}/delete`, {}, admin)).statusCode).toBe(404);
    expect((await t.get(`/staff/mail-quarantine/${id}`, admin)).statusCode).toBe(404);
    expect((await t.get('/staff/mail-quarantine/not-an-id', admin)).statusCode).toBe(404);
  });
});
