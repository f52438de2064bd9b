/** The mailer (outbox always, SMTP when configured, never throwing) and the e-mails' shape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@o311/store';
import { freshSqliteUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { translator } from '../src/i18n/translate.js';
import { composeMail } from '../src/mail/compose.js';
import { confirmMail, updateMail } from '../src/mail/follow-mails.js';
import { createMailer } from '../src/mail/mailer.js';
import { senderAddress } from '../src/mail/smtp.js';
import { closedPort, startFakeSmtp, type FakeSmtp } from './support/fake-smtp.js';

let db: FreshDatabase;
let store: Store;
let smtp: FakeSmtp;

beforeAll(async () => {
  db = await freshSqliteUrl();
  store = await openStore(db.url);
  await store.migrate();
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await smtp.close();
  await store.close();
  await db.cleanup();
});

const message = (to: string) => ({ to, subject: `Hello ${to}`, text: 'Plain text', html: '<p>HTML</p>' });

describe('createMailer', () => {
  it('without SMTP, writes the message to the outbox only', async () => {
    await createMailer(store, {}).send(message('outbox-only@example.org'));
    const [m] = await store.listOutbox({ to: 'outbox-only@example.org', limit: 5 });
    expect(m).toMatchObject({ subject: 'Hello outbox-only@example.org', text: 'Plain text', html: '<p>HTML</p>', sent_at: null });
  });

  it('with SMTP, delivers and marks the message sent', async () => {
    await createMailer(store, { smtpUrl: smtp.url, publicUrl: 'https://311.riverton.example' }).send(message('delivered@example.org'));
    const [m] = await store.listOutbox({ to: 'delivered@example.org', limit: 5 });
    expect(m?.sent_at).not.toBeNull();
    const got = smtp.received.find((r) => r.to.some((to) => to.includes('delivered@example.org')));
    expect(got?.from).toContain('no-reply@311.riverton.example');
    expect(got?.data).toContain('Subject: Hello delivered@example.org');
    expect(got?.data).toContain('Plain text');
  });

  it('never throws for SMTP failures: the message stays in the outbox with the error', async () => {
    const mailer = createMailer(store, { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    await expect(mailer.send(message('unreachable@example.org'))).resolves.toBeUndefined();
    const [m] = await store.listOutbox({ to: 'unreachable@example.org', limit: 5 });
    expect(m?.sent_at).toBeNull();
    expect(m?.last_error).toBeTruthy();
    expect((await store.listOutbox({ unsent: true, limit: 50 })).map((x) => x.to)).toContain('unreachable@example.org');
  });
});

describe('e-mails', () => {
  const links = {
    requestId: '42',
    serviceName: 'Pothole <b>',
    tracker: 'https://311.example/track/42',
    unsubscribe: 'https://311.example/track/unsubscribe?token=abc&x=1',
  };

  it('have text and escaped HTML with the same links', () => {
    const m = composeMail({
      to: 'a@example.org', subject: 'S', lang: 'en', paragraphs: ['<script>alert(1)</script>'],
      action: { label: 'Go', url: 'https://x.example/?a=1&b=2' }, unsubscribe: { label: 'Stop', url: links.unsubscribe },
    });
    expect(m.text).toContain('Go:\nhttps://x.example/?a=1&b=2');
    expect(m.text).toContain(`Stop:\n${links.unsubscribe}`);
    expect(m.html).toContain('&lt;script&gt;');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('href="https://x.example/?a=1&amp;b=2"');
  });

  it('the confirmation asks to confirm, in the follower’s language, with an unsubscribe link', () => {
    const m = confirmMail(translator('es'), 'a@example.org', links, 'https://311.example/track/42/follow/confirm?token=t');
    expect(m.subject).toBe('Confirme que quiere avisos sobre la solicitud 42');
    expect(m.text).toContain('https://311.example/track/42/follow/confirm?token=t');
    expect(m.text).toContain(links.unsubscribe);
    expect(m.html).toContain('Pothole &lt;b&gt;');
  });

  it('an update names the request and its new status', () => {
    const m = updateMail(translator('fr'), 'a@example.org', links, { status: 'Réparée', when: '28 nov. 2026', note: 'Rebouché.' });
    expect(m.subject).toBe('Demande 42 : Réparée');
    expect(m.text).toContain('Rebouché.');
    expect(m.text).toContain(links.tracker);
    expect(m.text).toContain(links.unsubscribe);
  });

  it('come from no-reply at the public host', () => {
    expect(senderAddress('https://311.riverton.example/base/')).toBe('o311 <no-reply@311.riverton.example>');
    expect(senderAddress(undefined)).toBe('o311 <no-reply@localhost>');
  });
});
