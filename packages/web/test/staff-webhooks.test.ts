/**
 * The back office's webhooks pages (issue 13), without JavaScript: an admin
 * adds a webhook (the secret shown once, never again), mistakes and private
 * addresses come back on their fields; the webhook's page shows its
 * deliveries log (status, latency, excerpt per attempt) and pauses, resumes,
 * replays, pings, replaces the secret and deletes, each a CSRF-checked form
 * that redirects. Agents have no such page or link. Both dialects.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

const ROUTER_SECRET = 'web webhooks test router secret, long enough';
const FORM = { name: 'Roads dashboard', url: 'https://hooks.example.org/o311', events: 'created', owner_email: 'ops@example.org' };

describe.each(dialects)('the webhooks pages (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let agent: StaffAuth;

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, app: { routerSecret: ROUTER_SECRET } });
    admin = await t.login('admin');
    agent = await t.login('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const webhookId = async (name: string) =>
    (await t.store.webhooks.listSubscribers({ jurisdictions: null, limit: 100 })).find((w) => w.name === name)!.id;

  it('adds a webhook and shows its secret once', async () => {
    const list = (await t.get('/staff/webhooks', admin)).body;
    expect(list).toContain('<a href="/staff/webhooks" aria-current="page">Webhooks</a>');
    expect(list).toContain('No webhooks yet.');
    const created = await t.postForm('/staff/webhooks', FORM, admin);
    expect(created.statusCode).toBe(201);
    const secret = /value="(whsec_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
    expect(secret).toBeDefined();
    const after = (await t.get('/staff/webhooks', admin)).body;
    expect(after).toContain('Roads dashboard');
    expect(after).toContain('https://hooks.example.org/o311');
    expect(after).toContain('None yet');
    expect(after).not.toContain(secret!);
    const id = await webhookId('Roads dashboard');
    expect((await t.get(`/staff/webhooks/${id}`, admin)).body).not.toContain(secret!);
  });

  it('puts mistakes and private addresses back on their fields', async () => {
    const bad = await t.postForm('/staff/webhooks', { name: '', url: 'ftp://x', owner_email: 'nobody' }, admin);
    expect(bad.statusCode).toBe(400);
    for (const text of ['Enter a name', 'Enter an http:// or https:// URL', 'Choose at least one kind of change', 'Enter an e-mail address']) {
      expect(bad.body).toContain(text);
    }
    const inside = await t.postForm('/staff/webhooks', { ...FORM, url: 'http://127.0.0.1:8080/hook' }, admin);
    expect(inside.statusCode).toBe(400);
    expect(inside.body).toContain('does not send webhooks to loopback, private or link-local addresses');
    expect(inside.body).toMatch(/id="new-webhook-url" name="url" value="http:\/\/127.0.0.1:8080\/hook" required aria-describedby="new-webhook-url-hint new-webhook-url-error" aria-invalid="true"/);
  });

  it('shows the deliveries log and replays, pauses, resumes, pings, rotates and deletes', async () => {
    const id = await webhookId('Roads dashboard');
    const [d] = await t.store.webhooks.addDeliveries([{ id: randomUUID(), subscriber_id: id, change_id: null, event: 'request.created', body: '{}', replay_of: null }], Date.now());
    await t.store.webhooks.recordAttempt(d!.id, { at: Date.now(), http_status: 503, error: null, latency_ms: 87, excerpt: 'upstream <busy>' }, 'retry', { failures: 10, failingForMs: 86_400_000 });
    await t.store.webhooks.recordAttempt(d!.id, { at: Date.now(), http_status: 200, error: null, latency_ms: 12, excerpt: 'ok' }, 'delivered', { failures: 10, failingForMs: 86_400_000 });
    const page = (await t.get(`/staff/webhooks/${id}`, admin)).body;
    expect(page).toContain('HTTP 503 in 87 ms');
    expect(page).toContain('<code>upstream &lt;busy&gt;</code>');
    expect(page).toContain('Delivered');

    const replayed = await t.postForm(`/staff/webhooks/${id}/deliveries/${d!.id}/replay`, {}, admin);
    expect(replayed.statusCode).toBe(303);
    expect(replayed.headers.location).toBe(`/staff/webhooks/${id}?done=replayed`);
    expect((await t.store.webhooks.listDeliveries(id, { limit: 10 })).some((x) => x.replay_of === d!.id)).toBe(true);

    expect((await t.postForm(`/staff/webhooks/${id}/pause`, {}, admin)).headers.location).toBe(`/staff/webhooks/${id}?done=paused`);
    expect((await t.store.webhooks.getSubscriber(id))?.state).toBe('paused');
    expect((await t.get(`/staff/webhooks/${id}?done=paused`, admin)).body).toContain('Resume and send what waited');
    expect((await t.postForm(`/staff/webhooks/${id}/resume`, {}, admin)).statusCode).toBe(303);
    expect((await t.store.webhooks.getSubscriber(id))?.state).toBe('active');

    expect((await t.postForm(`/staff/webhooks/${id}/test`, {}, admin)).headers.location).toBe(`/staff/webhooks/${id}?done=tested`);
    expect((await t.store.webhooks.listDeliveries(id, { limit: 10 })).some((x) => x.event === 'ping')).toBe(true);

    const before = (await t.store.webhooks.getSubscriber(id))!.secret_sealed;
    const rotated = await t.postForm(`/staff/webhooks/${id}/rotate-secret`, {}, admin);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.body).toMatch(/value="whsec_[A-Za-z0-9_-]+"/);
    expect((await t.store.webhooks.getSubscriber(id))!.secret_sealed).not.toBe(before);

    // A form without the CSRF token changes nothing.
    const forged = await t.postForm(`/staff/webhooks/${id}/delete`, { _csrf: 'forged' }, admin);
    expect(forged.statusCode).toBe(403);
    expect(await t.store.webhooks.getSubscriber(id)).toBeDefined();
    expect((await t.postForm(`/staff/webhooks/${id}/delete`, {}, admin)).headers.location).toBe('/staff/webhooks?done=deleted');
    expect(await t.store.webhooks.getSubscriber(id)).toBeUndefined();
    expect((await t.get(`/staff/webhooks/${id}`, admin)).statusCode).toBe(404);
  });

  it('is for admins only', async () => {
    expect((await t.get('/staff', agent)).body).not.toContain('/staff/webhooks');
    expect((await t.get('/staff/webhooks', agent)).statusCode).toBe(403);
    expect((await t.postForm('/staff/webhooks', FORM, agent)).statusCode).toBe(403);
  });
});
