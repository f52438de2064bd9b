/**
 * The mailer (outbox always; with SMTP, a `mail.deliver` job carrying the
 * outbox id only), the delivery job, the outbox sweep, and the e-mails' shape.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOB, followersNotifyOptions, startJobQueue, type JobQueue } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { freshSqliteUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { translator } from '../src/i18n/translate.js';
import { composeMail } from '../src/mail/compose.js';
import { deliverMail } from '../src/mail/delivery.js';
import { confirmMail, updateMail } from '../src/mail/follow-mails.js';
import { createMailer } from '../src/mail/mailer.js';
import { SWEEP_GRACE_MS, SWEEP_WINDOW_MS, sweepOutbox } from '../src/mail/outbox-sweep.js';
import { senderAddress, smtpDelivery } from '../src/mail/smtp.js';
import { closedPort, startFakeSmtp, type FakeSmtp } from './support/fake-smtp.js';

let db: FreshDatabase;
let store: Store;
let jobs: JobQueue;
let smtp: FakeSmtp;

beforeAll(async () => {
  db = await freshSqliteUrl();
  store = await openStore(db.url);
  await store.migrate();
  jobs = await startJobQueue('sqlite::memory:');
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await smtp.close();
  await jobs.stop();
  await store.close();
  await db.cleanup();
});

const message = (to: string) => ({ to, subject: `Hello ${to}`, text: 'Plain text', html: '<p>HTML</p>' });
const services = (now = Date.now) => ({ store, jobs, now });
const deliveries = () => jobs.list({ name: JOB.mailDeliver, limit: 1000 });
const mailTo = async (to: string) => (await store.listOutbox({ to, limit: 5 }))[0];

describe('createMailer', () => {
  it('without SMTP, writes the message to the outbox only', async () => {
    const before = (await deliveries()).length;
    await createMailer(services(), {}).send(message('outbox-only@example.org'));
    expect(await mailTo('outbox-only@example.org')).toMatchObject({ subject: 'Hello outbox-only@example.org', text: 'Plain text', html: '<p>HTML</p>', sent_at: null });
    expect(await deliveries()).toHaveLength(before);
  });

  it('with SMTP, records the message and enqueues its delivery, with the outbox id only in the payload', async () => {
    await createMailer(services(), { smtpUrl: smtp.url }).send(message('queued@example.org'));
    const m = await mailTo('queued@example.org');
    expect(m).toMatchObject({ sent_at: null, attempts: 0 });
    const job = (await deliveries()).find((j) => j.singletonKey === m!.id);
    expect(job).toMatchObject({ state: 'queued', data: { outboxId: m!.id }, retryLimit: 5 });
    expect(JSON.stringify(job!.data)).not.toContain('queued@example.org');
  });
});

describe('the mail.deliver job', () => {
  it('delivers, marks the message sent, and never sends a sent message again', async () => {
    const m = await store.enqueueMail(message('delivered@example.org'));
    const send = smtpDelivery(smtp.url, senderAddress('https://311.riverton.example'));
    await deliverMail(services(() => 1_700_000_000_000), send, { outboxId: m.id });
    expect(await store.getMail(m.id)).toMatchObject({ sent_at: 1_700_000_000_000, attempts: 1, last_error: null });
    const got = smtp.received.filter((r) => r.to.some((to) => to.includes('delivered@example.org')));
    expect(got).toHaveLength(1);
    expect(got[0]?.from).toContain('no-reply@311.riverton.example');
    expect(got[0]?.data).toContain('Subject: Hello delivered@example.org');
    expect(got[0]?.data).toContain('Plain text');
    await deliverMail(services(), send, { outboxId: m.id });
    expect(smtp.received.filter((r) => r.to.some((to) => to.includes('delivered@example.org')))).toHaveLength(1);
    await expect(deliverMail(services(), send, { outboxId: '999999999' })).resolves.toBeUndefined();
  });

  it('records a failed attempt on the message and throws, so the queue retries', async () => {
    const m = await store.enqueueMail(message('unreachable@example.org'));
    const send = smtpDelivery(`smtp://127.0.0.1:${await closedPort()}`, 'o311 <no-reply@localhost>');
    await expect(deliverMail(services(), send, { outboxId: m.id })).rejects.toThrow();
    expect(await store.getMail(m.id)).toMatchObject({ sent_at: null, attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED|connect/i) });
  });

  it('after its last attempt the job is dead and the message stays unsent with its error', async () => {
    const queue = await startJobQueue('sqlite::memory:');
    try {
      const send = smtpDelivery(`smtp://127.0.0.1:${await closedPort()}`, 'o311 <no-reply@localhost>');
      await queue.work<{ outboxId: string }>(JOB.mailDeliver, (job) => deliverMail(services(), send, job.data));
      const m = await store.enqueueMail(message('dead-letter@example.org'));
      const id = await queue.enqueue(JOB.mailDeliver, { outboxId: m.id }, { retryLimit: 1, retryDelayMs: 0 });
      await vi.waitFor(async () => expect((await queue.get(id!))?.state).toBe('dead'), { timeout: 10_000, interval: 20 });
      expect(await queue.get(id!)).toMatchObject({ attempts: 2, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
      expect(await store.getMail(m.id)).toMatchObject({ sent_at: null, attempts: 2 });
    } finally {
      await queue.stop();
    }
  });
});

describe('the followers.notify job', () => {
  it('is pending once per event, however many changes name it', async () => {
    const data = { jurisdictionId: 'city.example', requestId: '12', event: 3 };
    expect(await jobs.enqueue(JOB.followersNotify, data, followersNotifyOptions(data))).toBeDefined();
    expect(await jobs.enqueue(JOB.followersNotify, data, followersNotifyOptions(data))).toBeUndefined();
    const next = { ...data, event: 4 };
    expect(await jobs.enqueue(JOB.followersNotify, next, followersNotifyOptions(next))).toBeDefined();
  });
});

describe('the outbox sweep', () => {
  it('enqueues the untried messages old enough to have lost their job, once, within the day', async () => {
    const now = Date.UTC(2031, 5, 1, 12);
    const at = (subject: string, createdAt: number) => store.enqueueMail({ ...message(`${subject}@sweep.example`), subject }, createdAt);
    const stranded = await at('stranded', now - SWEEP_GRACE_MS - 1);
    const young = await at('young', now - SWEEP_GRACE_MS + 1);
    const stale = await at('stale', now - SWEEP_WINDOW_MS - 1);
    const tried = await at('tried', now - 10 * 60_000);
    const sent = await at('sent', now - 10 * 60_000);
    await store.markMailFailed(tried.id, 'SMTP 451');
    await store.markMailSent(sent.id, now - 5 * 60_000);

    expect(await sweepOutbox(services(() => now))).toBe(1);
    const pending = (await deliveries()).filter((j) => [stranded, young, stale, tried, sent].some((m) => m.id === j.singletonKey));
    expect(pending.map((j) => j.data)).toEqual([{ outboxId: stranded.id }]);
    // Its job is still pending: a second sweep adds none.
    expect(await sweepOutbox(services(() => now))).toBe(0);
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

  it('put a narrow no-break space before the colon of a link in French', () => {
    const m = composeMail({
      to: 'a@example.org', subject: 'S', lang: 'fr', paragraphs: ['P'],
      action: { label: 'Confirmer la demande', url: 'https://x.example/c' }, unsubscribe: { label: 'Se désabonner', url: links.unsubscribe },
    });
    expect(m.text).toContain('Confirmer la demande\u202f:\nhttps://x.example/c');
    expect(m.text).toContain(`Se désabonner\u202f:\n${links.unsubscribe}`);
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
