/**
 * Mail leaves through the job queue (issue 9, item 2-3): a page records the
 * message and enqueues its delivery; a follower notice is a job naming the
 * event it tells of; a silent SMTP server never holds up a page.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOB } from '@o311/server';
import { notifyFollowers } from '../src/mail/notify.js';
import { JURISDICTION_ID, buildCitizenTestApp, type CitizenTestApp } from './support/citizen-app.js';
import { startFakeSmtp, startSilentSmtp, type FakeSmtp, type SilentSmtp } from './support/fake-smtp.js';

const PUBLIC_URL = 'https://311.riverton.example';
const eventually = <T>(check: () => Promise<T> | T): Promise<T> => vi.waitFor(check, { timeout: 10_000, interval: 20 });

async function openRequestId(t: CitizenTestApp): Promise<string> {
  const [open] = await t.store.listRequests({ jurisdiction_id: JURISDICTION_ID, statuses: ['open'], limit: 1, offset: 0 });
  if (!open) throw new Error('no open demo request');
  return open.id;
}

describe('with SMTP, mail is delivered by a job', () => {
  let smtp: FakeSmtp;
  let t: CitizenTestApp;
  let id: string;
  const FOLLOWER = 'queued.follower@example.org';
  const received = (to: string) => smtp.received.filter((m) => m.to.some((r) => r.includes(to)));

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    t = await buildCitizenTestApp({ web: { smtpUrl: smtp.url, publicUrl: PUBLIC_URL } });
    id = await openRequestId(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('a follow request records the confirmation; its job delivers it and marks it sent', async () => {
    expect((await t.postForm(`/track/${id}/follow`, { email: FOLLOWER })).statusCode).toBe(303);
    const [recorded] = await t.store.listOutbox({ to: FOLLOWER, limit: 5 });
    expect(recorded).toBeDefined();
    const sent = await eventually(async () => {
      const m = await t.store.getMail(recorded!.id);
      expect(m?.sent_at).not.toBeNull();
      return m;
    });
    expect(sent).toMatchObject({ attempts: 1, last_error: null });
    expect(received(FOLLOWER)).toHaveLength(1);
    expect(received(FOLLOWER)[0]?.data).toContain(`Confirm you want updates on request ${id}`);
    const [job] = await t.web.services.jobs.list({ name: JOB.mailDeliver, limit: 1 });
    expect(job).toMatchObject({ state: 'completed', data: { outboxId: recorded!.id } });
  });

  it('a follower notice tells of the event its job names, even after later changes, with links to the public URL', async () => {
    const { confirmSecret } = await t.store.addFollower({ jurisdiction_id: JURISDICTION_ID, request_id: id, email: 'later@example.org' });
    await t.store.confirmFollower(confirmSecret);
    await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'in_progress', note: 'Crew booked.', author: 'agent' });
    const event = (await t.store.listEvents(JURISDICTION_ID, id)).length;
    await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'fixed', note: 'Filled.', author: 'agent' });

    await notifyFollowers(t.web, { jurisdictionId: JURISDICTION_ID, requestId: id, event });
    const [mail] = await t.store.listOutbox({ to: 'later@example.org', limit: 5 });
    expect(mail?.subject).toBe(`Request ${id}: In progress`);
    expect(mail?.text).toContain('Crew booked.');
    expect(mail?.text).not.toContain('Filled.');
    expect(mail?.text).toContain(`${PUBLIC_URL}/track/${id}#update-${event}`);
    expect(mail?.text).toContain(`${PUBLIC_URL}/track/unsubscribe?token=`);
    await eventually(() => expect(received('later@example.org')).toHaveLength(1));
  });

  it('a notice retried after it failed half-way mails each follower once', async () => {
    const followers = ['first.of.two@example.org', 'second.of.two@example.org'];
    for (const email of followers) {
      const { confirmSecret } = await t.store.addFollower({ jurisdiction_id: JURISDICTION_ID, request_id: id, email });
      await t.store.confirmFollower(confirmSecret);
    }
    await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'in_progress', note: 'Retried notice.', author: 'agent' });
    const event = (await t.store.listEvents(JURISDICTION_ID, id)).length;
    const send = t.web.mailer.send.bind(t.web.mailer);
    let failed = false;
    const spy = vi.spyOn(t.web.mailer, 'send').mockImplementation(async (m, onceKey) => {
      if (m.to === followers[1] && !failed) {
        failed = true;
        throw new Error('database went away');
      }
      return send(m, onceKey);
    });
    try {
      const job = { jurisdictionId: JURISDICTION_ID, requestId: id, event };
      await expect(notifyFollowers(t.web, job)).rejects.toThrow('database went away');
      await notifyFollowers(t.web, job);
      await notifyFollowers(t.web, job);
    } finally {
      spy.mockRestore();
    }
    for (const email of followers) {
      const queued = (await t.store.listOutbox({ to: email, limit: 10 })).filter((m) => m.text.includes('Retried notice.'));
      expect(queued).toHaveLength(1);
      await eventually(() => expect(received(email).filter((m) => m.data.includes('Retried notice.'))).toHaveLength(1));
    }
  });
});

describe('a silent SMTP server', () => {
  let silent: SilentSmtp;
  let t: CitizenTestApp;
  let id: string;

  beforeAll(async () => {
    silent = await startSilentSmtp();
    t = await buildCitizenTestApp({ web: { smtpUrl: silent.url, publicUrl: PUBLIC_URL } });
    id = await openRequestId(t);
  });
  afterAll(async () => {
    // Hanging up makes the stuck delivery fail now rather than at nodemailer's timeouts.
    await silent?.close();
    await t?.close();
  });

  it('never holds up a page: the answer comes before any delivery attempt ends, and pages answer while one hangs', async () => {
    expect((await t.postForm(`/track/${id}/follow`, { email: 'first@example.org' })).statusCode).toBe(303);
    // Inline delivery would have answered only after the attempt ended (counted, with its error).
    const [first] = await t.store.listOutbox({ to: 'first@example.org', limit: 5 });
    expect(first).toMatchObject({ sent_at: null, attempts: 0, last_error: null });

    // The job's delivery now hangs on the server that never answers...
    await eventually(() => expect(silent.connections).toBeGreaterThan(0));
    const { jobs } = t.web.services;
    expect((await jobs.list({ name: JOB.mailDeliver, limit: 5 }))[0]).toMatchObject({ state: 'active', data: { outboxId: first!.id } });

    // ...while another follow request is answered and recorded.
    expect((await t.postForm(`/track/${id}/follow`, { email: 'second@example.org' })).statusCode).toBe(303);
    expect(await t.store.listOutbox({ to: 'second@example.org', limit: 5 })).toHaveLength(1);
    expect(await t.store.getMail(first!.id)).toMatchObject({ sent_at: null, attempts: 0 });
    const active = await jobs.list({ name: JOB.mailDeliver, states: ['active'], limit: 5 });
    expect(active.map((j) => j.data)).toContainEqual({ outboxId: first!.id });
  });
});
