/**
 * The monitor in the server (issue 12): its jobs driven step by step on a
 * manual queue with a fake clock, against fake endpoints on loopback and a
 * local webhook receiver. An endpoint that goes down opens one incident
 * after N failed polls, with one mail (mail alerts on) and one signed
 * webhook, and one of each when it is back; without mail alerts, or
 * without a contact address, nobody is mailed (the webhook still goes); a slow answer, an HTML 500 and broken XML are
 * recorded with their kinds; a local endpoint is polled in process; a
 * receiver failing twice gets the event once, after three recorded
 * attempts, and a 4xx ends the delivery. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '@o311/monitor';
import type { NewEndpoint } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { startFakeFleet, type FakeFleet } from '../../../test-support/fake-endpoints.js';
import { JOB } from '../src/jobs/job-names.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { MonitorRounds } from './support/monitor-rounds.js';
import { staffCall } from './support/staff.js';
import { startWebhookReceiver, type Received, type WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'monitor-test-router-secret-0123456789';
const HOOK_SECRET = 'whsec-0123456789abcdef';
const PUBLIC = 'https://311.example.org';
const T0 = Date.UTC(2026, 11, 3, 12, 0);

/** The signature header of a received webhook. */
const signatureOf = (r: Received): string => String(r.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] ?? '');

const remote = (slug: string, base_url: string, extra: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug, name: `${slug} city`, tier: 'city', country: 'US', base_url, discovery_url: null, jurisdiction_id: null, local: false,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: `ops@${slug}.example`, status: 'production',
  boundary_id: null, quirks: null, notes: '', ...extra,
});

describe.each(dialects)('monitor jobs (%s)', (dialect) => {
  let s: Server;
  let fleet: FakeFleet;
  let receiver: WebhookReceiver;
  const rounds = new MonitorRounds(T0);
  const queue = rounds.queue;
  /** One turn of the monitor: the clock moves an interval on, the minute's tick runs, then every job it led to. */
  const round = (): Promise<void> => rounds.round();

  const mails = (slug: string) => s.store.listOutbox({ to: `ops@${slug}.example`, limit: 50 });
  const hooks = (slug: string) => receiver.received.filter((r) => r.path === `/hook/${slug}`);
  const setAlerts = async (slug: string, alerts: { mail: boolean; webhook: boolean }) => {
    const answer = await staffCall(s.url, 'PUT', `/registry/endpoints/${slug}/monitor`, s.staff.admin, {
      interval_s: 300, paused: false, mail_alerts: alerts.mail,
      ...(alerts.webhook ? { webhook_url: receiver.url(`/hook/${slug}`), webhook_secret: HOOK_SECRET } : { webhook_url: null }),
    });
    expect(answer.status).toBe(200);
  };

  beforeAll(async () => {
    fleet = await startFakeFleet();
    receiver = await startWebhookReceiver();
    s = await startServer(dialect, {
      options: {
        jobs: queue, now: rounds.now, publicUrl: PUBLIC, routerSecret: SECRET,
        discovery: { allowPrivate: true }, monitor: { failuresToOpen: 3, timeoutMs: 1000 },
      },
    });
    await s.store.saveEndpoint(remote('flaky', fleet.baseUrl(1)));
    await s.store.saveEndpoint(remote('slow', fleet.baseUrl(2)));
    await s.store.saveEndpoint(remote('html', fleet.baseUrl(3)));
    await s.store.saveEndpoint(remote('brokenxml', fleet.baseUrl(4), { formats: ['xml'] }));
    await s.store.saveEndpoint(remote('retried', fleet.baseUrl(5)));
    await s.store.saveEndpoint(remote('refusing', fleet.baseUrl(6)));
    await s.store.saveEndpoint(remote('springfield', '', { base_url: null, local: true, jurisdiction_id: JURISDICTION.id }));
    // Down and up with `flaky` (the same fake endpoint), but with nobody to mail.
    await s.store.saveEndpoint(remote('mute', fleet.baseUrl(1), { contact_email: null }));
    fleet.set(2, { latencyMs: 3000 });
    fleet.set(3, { behaviour: 'http-500' });
    fleet.set(4, { behaviour: 'broken-xml' });
    await setAlerts('flaky', { mail: true, webhook: true });
    await setAlerts('mute', { mail: true, webhook: false });
    for (const slug of ['retried', 'refusing']) await setAlerts(slug, { mail: false, webhook: true });
    receiver.answers.set('/hook/retried', [500, 500]);
    receiver.answers.set('/hook/refusing', [410]);
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    await fleet?.close();
    await receiver?.close();
  });

  it('registers its jobs and schedules in a process started with the monitor', () => {
    expect([...queue.scheduled.keys()]).toEqual(expect.arrayContaining([JOB.monitorTick, JOB.monitorRollup, JOB.monitorConformance]));
  });

  it('records timeouts, HTTP errors and broken XML with their kinds, and polls a local endpoint in process', { timeout: 60_000 }, async () => {
    await round();
    const target = (slug: string) => s.store.monitor.getTarget(slug);
    expect(await target('slow')).toMatchObject({ last_ok: false, last_error_kind: 'timeout' });
    expect(await target('html')).toMatchObject({ last_ok: false, last_error_kind: 'http' });
    expect((await s.store.monitor.listSamples({ slug: 'html', limit: 1 }))[0]).toMatchObject({ http_status: 500, error_kind: 'http' });
    expect(await target('brokenxml')).toMatchObject({ last_ok: false, last_error_kind: 'malformed' });
    expect(await target('springfield')).toMatchObject({ state: 'up', last_ok: true, last_error_kind: null });
    expect((await s.store.monitor.listSamples({ slug: 'springfield', limit: 1 }))[0]?.services).toBe(4);
    expect(await target('flaky')).toMatchObject({ state: 'up', consecutive_failures: 0 });
    // One failed poll is no incident.
    expect(await s.store.monitor.listIncidents({ slug: 'slow', limit: 10 })).toEqual([]);
  });

  it('goes down after N failed polls (one incident, one mail, one signed webhook) and comes back (one of each)', { timeout: 60_000 }, async () => {
    fleet.set(1, { behaviour: 'down' });
    await round();
    await round();
    expect(await s.store.monitor.listIncidents({ slug: 'flaky', limit: 10 })).toEqual([]);
    await round();
    const [incident] = await s.store.monitor.listIncidents({ slug: 'flaky', open: true, limit: 10 });
    expect(incident).toMatchObject({ cause_kind: 'connection', closed_at: null });
    expect(await s.store.monitor.getTarget('flaky')).toMatchObject({ state: 'down' });

    const [down] = await mails('flaky');
    expect(await mails('flaky')).toHaveLength(1);
    expect(down!.subject).toMatch(/flaky city is down/);
    expect(down!.text).toContain(`${PUBLIC}/status/flaky`);
    expect(down!.text).toContain('connection');
    expect(down!.html).toContain(`href="${PUBLIC}/status/flaky"`);
    expect(hooks('flaky')).toHaveLength(1);
    const first = hooks('flaky')[0]!;
    expect(verifyWebhook(HOOK_SECRET, signatureOf(first), first.body, rounds.at)).toBe(true);
    expect(verifyWebhook('another-secret-0000', signatureOf(first), first.body, rounds.at)).toBe(false);
    expect(JSON.parse(first.body)).toMatchObject({ type: 'endpoint.down', endpoint: { slug: 'flaky' }, incident: incident!.id, links: { status: `${PUBLIC}/status/flaky` } });

    // Still down: nothing more.
    await round();
    expect(await mails('flaky')).toHaveLength(1);
    expect(hooks('flaky')).toHaveLength(1);

    fleet.set(1, { behaviour: 'normal' });
    await round();
    expect(await s.store.monitor.listIncidents({ slug: 'flaky', open: true, limit: 10 })).toEqual([]);
    expect(await s.store.monitor.getTarget('flaky')).toMatchObject({ state: 'up' });
    const all = await mails('flaky');
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toMatch(/flaky city is back up/);
    expect(hooks('flaky')).toHaveLength(2);
    const second = hooks('flaky')[1]!;
    expect(verifyWebhook(HOOK_SECRET, signatureOf(second), second.body, rounds.at)).toBe(true);
    expect(JSON.parse(second.body)).toMatchObject({ type: 'endpoint.up', incident: incident!.id });

    // An alert job run again (a retry) mails nobody twice and posts no second webhook.
    const events = await s.store.monitor.listEvents({ slug: 'flaky', limit: 10 });
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(e).toMatchObject({ webhook_attempts: 1, webhook_status: 200 });
      expect(e.mailed_at).not.toBeNull();
      await queue.enqueue(JOB.monitorAlert, { eventId: e.id }, { singletonKey: e.id });
    }
    await queue.run();
    expect(await mails('flaky')).toHaveLength(2);
    expect(hooks('flaky')).toHaveLength(2);
  });

  it('mails nobody for an endpoint without a contact address, even with mail alerts on', async () => {
    const events = await s.store.monitor.listEvents({ slug: 'mute', limit: 10 });
    expect(events.map((e) => e.kind)).toEqual(['up', 'down']);
    for (const e of events) expect(e.mailed_at).toBeNull();
    const outbox = await s.store.listOutbox({ limit: 100 });
    expect(outbox.filter((m) => m.subject.includes('mute city'))).toEqual([]);
  });

  it('delivers a webhook once after a receiver failed twice (three attempts recorded); a 4xx ends the delivery', { timeout: 60_000 }, async () => {
    fleet.set(5, { behaviour: 'down' });
    fleet.set(6, { behaviour: 'down' });
    for (let i = 0; i < 3; i++) await round();
    const [retried] = await s.store.monitor.listEvents({ slug: 'retried', limit: 10 });
    expect(retried).toMatchObject({ kind: 'down', webhook_attempts: 3, webhook_status: 200 });
    expect(retried!.webhook_delivered_at).not.toBeNull();
    expect(hooks('retried').map((h) => JSON.parse(h.body).id)).toEqual([retried!.id, retried!.id, retried!.id]);
    expect(queue.jobs(JOB.monitorWebhook).filter((j) => (j.data as { eventId: string }).eventId === retried!.id).map((j) => j.state)).toEqual(['completed']);

    const [refused] = await s.store.monitor.listEvents({ slug: 'refusing', limit: 10 });
    expect(refused).toMatchObject({ webhook_attempts: 1, webhook_status: 410, webhook_delivered_at: null });
    expect(hooks('refusing')).toHaveLength(1);
    expect(queue.jobs(JOB.monitorWebhook).find((j) => (j.data as { eventId: string }).eventId === refused!.id)?.state).toBe('completed');

    // Mail alerts off: the webhook went, no mail did.
    for (const event of [retried!, refused!]) expect(event.mailed_at).toBeNull();
    for (const slug of ['retried', 'refusing']) expect(await mails(slug)).toEqual([]);
  });

  it('mails no contact whose alerts are off: the endpoints down since the first round', async () => {
    for (const slug of ['slow', 'html', 'brokenxml']) {
      expect(await s.store.monitor.listIncidents({ slug, open: true, limit: 10 })).toHaveLength(1);
      expect(await mails(slug)).toEqual([]);
    }
  });

  it('the tick claims due targets only: a second tick at the same time polls nothing', { timeout: 60_000 }, async () => {
    const before = queue.jobs(JOB.monitorPoll).length;
    await queue.enqueue(JOB.monitorTick, {});
    await queue.run();
    expect(queue.jobs(JOB.monitorPoll).length).toBe(before);
  });
});
