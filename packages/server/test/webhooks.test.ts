/**
 * Request webhooks end to end (issue 13), on both dialects, with the jobs
 * driven step by step on a manual queue and a receiver on loopback that
 * verifies every signature: a new request reaches a receiver answering 500
 * twice then 200 once, after three logged attempts, with the public request
 * and nothing personal; the staff API (secret shown once, roles, another
 * jurisdiction's admin gets 404, audit); replay and ping; a subscriber whose
 * deliveries keep failing is paused, its owner mailed once, and resuming
 * delivers what waited; a private URL is refused without allowPrivate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JOB } from '../src/jobs/job-names.js';
import { JURISDICTION, PII_STRINGS, potholeForm, startServer, type Server } from './support/fixture.js';
import { form, get, json, postForm } from './support/http.js';
import { ManualQueue } from './support/manual-queue.js';
import { staffCall } from './support/staff.js';
import { startWebhookReceiver, verify, type WebhookReceiver } from './support/webhook-receiver.js';

const ROUTER_SECRET = 'webhooks-test-router-secret-0123456789';
const PUBLIC = 'https://311.example.org';
const OTHER = { id: 'shelbyville.example', name: 'Shelbyville', contact: 'x', key_service: 'x', timezone: 'UTC' };

interface WebhookWire { id: string; state: string; secret?: string; consecutive_failures: number; last_delivery: { state: string } | null }
interface DeliveryWire { id: string; event: string; state: string; attempts: number; replay_of: string | null; attempt_log: Array<{ http_status: number | null; excerpt: string; latency_ms: number }> }

describe.each(dialects)('request webhooks (%s)', (dialect) => {
  let s: Server;
  let receiver: WebhookReceiver;
  let otherAdmin: string;
  const queue = new ManualQueue();
  const api = <T>(method: string, path: string, body?: unknown, token = s.staff.admin) => staffCall<T>(s.url, method, path, token, body);
  const subscribe = async (path: string, events: string[], name = path) => {
    const a = await api<WebhookWire>('POST', '/webhooks', { jurisdiction_id: JURISDICTION.id, name, url: receiver.url(path), events, owner_email: `owner${path.replaceAll('/', '-')}@hooks.example` });
    expect(a.status).toBe(201);
    receiver.secrets.set(path, a.body.secret!);
    return a.body;
  };
  const newRequest = async () => {
    const a = await postForm(`${s.url}/open311/v2/requests.json`, form(potholeForm(s.keys.plain)));
    expect(a.status).toBe(200);
    return (json<Array<{ service_request_id: string }>>(a))[0]!.service_request_id;
  };
  const deliveries = async (id: string) => (await api<DeliveryWire[]>('GET', `/webhooks/${id}/deliveries?page_size=100`)).body;
  const at = (path: string) => receiver.received.filter((r) => r.path === path);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    s = await startServer(dialect, {
      options: { jobs: queue, publicUrl: PUBLIC, routerSecret: ROUTER_SECRET, discovery: { allowPrivate: true } },
      seed: async (store) => {
        await store.saveJurisdiction(OTHER);
      },
    });
    otherAdmin = (await s.store.createStaffToken({ name: 'shelby admin', role: 'admin', jurisdictions: [OTHER.id] })).secret;
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    await receiver?.close();
  });

  it('registers its jobs, the minute schedule and the daily prune', () => {
    expect(queue.handles(JOB.webhooksDispatch) && queue.handles(JOB.webhooksDeliver) && queue.handles(JOB.webhooksPrune)).toBe(true);
    expect(queue.scheduled.get(JOB.webhooksDispatch)).toBe('* * * * *');
    expect(queue.scheduled.get(JOB.webhooksPrune)).toBe('10 5 * * *');
  });

  it('delivers a new request once to a receiver that fails twice: three attempts logged, signed, public data only', async () => {
    const hook = await subscribe('/proof', ['created', 'closed']);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    receiver.answers.set('/proof', [500, 500]);
    const id = await newRequest();
    // The write queued a dispatch at once (no waiting for the minute's schedule).
    expect(queue.jobs(JOB.webhooksDispatch).some((j) => j.state === 'queued')).toBe(true);
    await queue.run();

    const got = at('/proof');
    expect(got.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(got.every((r) => r.verified)).toBe(true);
    // The check is real: another body, another secret or an old timestamp fails it.
    const signature = String(got[0]!.headers['x-o311-signature']);
    expect(verify(hook.secret!, signature, `${got[0]!.body} `, Date.now())).toBe(false);
    expect(verify('whsec_other', signature, got[0]!.body, Date.now())).toBe(false);
    expect(verify(hook.secret!, signature, got[0]!.body, Date.now() + 301_000)).toBe(false);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    const [first] = got;
    expect(first!.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'o311', 'x-o311-event': 'request.created' });
    const body = JSON.parse(first!.body) as { id: string; event: string; occurred_at: string; jurisdiction_id: string; service_request: unknown };
    expect(body).toMatchObject({ id: first!.headers['x-o311-delivery'], event: 'request.created', jurisdiction_id: JURISDICTION.id });
    expect(new Date(body.occurred_at).toISOString()).toBe(body.occurred_at);
    const shown = json<unknown[]>(await get(`${s.url}/open311/v2/requests/${id}.json?extensions=true`))[0];
    expect(body.service_request).toEqual(shown);
    for (const secret of PII_STRINGS) expect(first!.body).not.toContain(secret);

    const [d] = await deliveries(hook.id);
    expect(d).toMatchObject({ state: 'delivered', attempts: 3, event: 'request.created' });
    expect(d!.attempt_log.map((a) => a.http_status)).toEqual([500, 500, 200]);
    // Control characters are gone from the excerpts.
    expect(d!.attempt_log[0]!.excerpt).toBe('failed [31m500');
    // Run again, the dispatch finds nothing new.
    await queue.enqueue(JOB.webhooksDispatch, {});
    await queue.run();
    expect(at('/proof')).toHaveLength(3);
  });

  it('sends updated and closed only to the subscribers that want them', async () => {
    const updates = await subscribe('/updates', ['updated']);
    const id = await newRequest();
    expect((await api('POST', `/requests/${id}/status`, { status: 'investigating' }, s.staff.agent)).status).toBe(200);
    expect((await api('POST', `/requests/${id}/status`, { status: 'closed' }, s.staff.agent)).status).toBe(200);
    await queue.run();
    expect(at('/updates').map((r) => r.headers['x-o311-event'])).toEqual(['request.updated']);
    expect(at('/proof').slice(3).map((r) => r.headers['x-o311-event'])).toEqual(['request.created', 'request.closed']);
    expect((await api<WebhookWire>('GET', `/webhooks/${updates.id}`)).body.last_delivery?.state).toBe('delivered');
  });

  it('replays a delivery as a new one with the same body, signed afresh; pings', async () => {
    const hook = (await api<WebhookWire[]>('GET', '/webhooks')).body.find((w) => w.id !== undefined && w.last_delivery !== null)!;
    const [original] = (await deliveries(hook.id)).filter((d) => d.state === 'delivered');
    const replay = await api<DeliveryWire>('POST', `/webhooks/${hook.id}/deliveries/${original!.id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ replay_of: original!.id, state: 'pending', event: original!.event });
    const before = receiver.received.length;
    await queue.run();
    const [again] = receiver.received.slice(before);
    expect(again).toMatchObject({ verified: true, status: 200 });
    expect(again!.headers['x-o311-delivery']).toBe(replay.body.id);
    const ping = await api<DeliveryWire>('POST', `/webhooks/${hook.id}/test`);
    expect(ping.status).toBe(202);
    await queue.run();
    const last = receiver.received.at(-1)!;
    expect(last).toMatchObject({ verified: true, status: 200 });
    expect(JSON.parse(last.body)).toMatchObject({ id: ping.body.id, event: 'ping', jurisdiction_id: JURISDICTION.id });
    expect((await api('POST', `/webhooks/${hook.id}/deliveries/nope/replay`)).status).toBe(404);
  });

  it('pauses a subscriber after 10 failed deliveries in a row, mails its owner once, and resuming sends what waited', async () => {
    const hook = await subscribe('/gone', ['created'], 'Failing');
    receiver.answers.set('/gone', Array(10).fill(410));
    for (let i = 0; i < 11; i += 1) await newRequest();
    await queue.run();
    expect(at('/gone')).toHaveLength(10);
    const paused = (await api<WebhookWire & { pause_reason: string }>('GET', `/webhooks/${hook.id}`)).body;
    expect(paused).toMatchObject({ state: 'paused', consecutive_failures: 10 });
    const mails = await s.store.listOutbox({ to: 'owner-gone@hooks.example', limit: 10 });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Webhook paused: Failing');
    expect(mails[0]!.text).toContain(`${PUBLIC}/staff/webhooks/${hook.id}`);
    // Nothing new while paused.
    await newRequest();
    await queue.run();
    expect(at('/gone')).toHaveLength(10);
    const resumed = await api<WebhookWire>('PATCH', `/webhooks/${hook.id}`, { state: 'active' });
    expect(resumed.body).toMatchObject({ state: 'active', consecutive_failures: 0 });
    await queue.run();
    expect(at('/gone').slice(10).map((r) => r.status)).toEqual([200]);
    const states = (await deliveries(hook.id)).map((d) => d.state);
    expect(states.filter((x) => x === 'failed')).toHaveLength(10);
    expect(states.filter((x) => x === 'delivered')).toHaveLength(1);
    expect(await s.store.listOutbox({ to: 'owner-gone@hooks.example', limit: 10 })).toHaveLength(1);
  });

  it('shows the secret once, rotates it, keeps admins to their jurisdictions, refuses agents and viewers, audits', async () => {
    const hook = await subscribe('/scoped', ['created']);
    const shown = await api<Record<string, unknown>>('GET', `/webhooks/${hook.id}`);
    expect(shown.status).toBe(200);
    expect(Object.keys(shown.body)).not.toContain('secret');
    expect(JSON.stringify(shown.body)).not.toContain(hook.secret!);
    const rotated = await api<{ secret: string }>('POST', `/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.body.secret).not.toBe(hook.secret);
    for (const token of [s.staff.agent, s.staff.viewer]) {
      expect((await api('GET', '/webhooks', undefined, token)).status).toBe(403);
      expect((await api('POST', `/webhooks/${hook.id}/test`, undefined, token)).status).toBe(403);
    }
    for (const [method, path, body] of [
      ['GET', `/webhooks/${hook.id}`], ['PATCH', `/webhooks/${hook.id}`, { name: 'x' }], ['DELETE', `/webhooks/${hook.id}`],
      ['POST', `/webhooks/${hook.id}/rotate-secret`], ['GET', `/webhooks/${hook.id}/deliveries`], ['POST', `/webhooks/${hook.id}/test`],
      ['POST', '/webhooks', { jurisdiction_id: JURISDICTION.id, name: 'x', url: 'https://x.example/', events: ['created'], owner_email: 'a@b.example' }],
    ] as const) {
      expect((await api(method, path, body, otherAdmin)).status, `${method} ${path}`).toBe(404);
    }
    expect((await api<unknown[]>('GET', '/webhooks', undefined, otherAdmin)).body).toEqual([]);
    const renamed = await api<WebhookWire & { name: string; events: string[] }>('PATCH', `/webhooks/${hook.id}`, { name: 'Renamed', events: ['closed', 'created'] });
    expect(renamed.body).toMatchObject({ name: 'Renamed', events: ['created', 'closed'] });
    expect((await api('DELETE', `/webhooks/${hook.id}`)).status).toBe(204);
    expect((await api('GET', `/webhooks/${hook.id}`)).status).toBe(404);
    const actions = (await s.store.listAudit({ jurisdiction_id: JURISDICTION.id, limit: 200 })).map((e) => e.action);
    for (const action of ['webhook.create', 'webhook.rotate-secret', 'webhook.delete', 'webhook.replay', 'webhook.test', 'webhook.resume', 'webhook.update']) {
      expect(actions, action).toContain(action);
    }
  });

  it('refuses bad input with every problem named', async () => {
    const bad = await api<Array<{ description: string }>>('POST', '/webhooks', {
      jurisdiction_id: JURISDICTION.id, name: ' ', url: 'ftp://x.example/', events: ['created'], owner_email: 'nobody',
    });
    expect(bad.status).toBe(400);
    const text = bad.body.map((e) => e.description).join(' ');
    for (const field of ['name:', 'url:', 'owner_email:']) expect(text).toContain(field);
    expect((await api('POST', '/webhooks', { jurisdiction_id: JURISDICTION.id, name: 'x', url: 'https://x.example/', events: [], owner_email: 'a@b.example' })).status).toBe(400);
    expect((await api('POST', '/webhooks', { jurisdiction_id: JURISDICTION.id, name: 'x', url: `https://x.example/${'a'.repeat(2000)}`, events: ['created'], owner_email: 'a@b.example' })).status).toBe(400);
    expect((await api('POST', '/webhooks', { jurisdiction_id: JURISDICTION.id, name: 'x', url: 'https://x.example/', events: ['rebuild'], owner_email: 'a@b.example' })).status).toBe(400);
  });
});

describe('request webhooks without private endpoints', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer('sqlite', { options: { jobs: new ManualQueue(), routerSecret: ROUTER_SECRET } });
  }, 60_000);
  afterAll(async () => s?.close());

  it('refuses loopback, private and link-local URLs, and takes public ones', async () => {
    const create = (url: string) =>
      staffCall<Array<{ description: string }>>(s.url, 'POST', '/webhooks', s.staff.admin, { jurisdiction_id: JURISDICTION.id, name: 'x', url, events: ['created'], owner_email: 'a@b.example' });
    for (const url of ['http://127.0.0.1:9/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest']) {
      const a = await create(url);
      expect(a.status, url).toBe(400);
      expect(a.body[0]!.description).toContain('loopback, private or link-local');
    }
    expect((await create('https://hooks.example.org/o311')).status).toBe(201);
  });
});
