/**
 * A restart between a webhook's retries loses nothing (issue 13): the real
 * SQLite job queue on the store's own file, its clock the test's. The first
 * attempt fails (500); the app, its queue and its store are closed; a new
 * app on the same file, two minutes later (past the retry's back-off),
 * delivers it: one delivery, two attempts logged, both signed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteJobQueue } from '@o311/jobs';
import { openStore, type Store, type WebhookDelivery } from '@o311/store';
import type { FastifyInstance } from 'fastify';
import type { FreshDatabase } from '../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../test-support/migrated-databases.js';
import { buildApp } from '../src/index.js';
import { JURISDICTION, SERVICES, potholeForm } from './support/fixture.js';
import { form } from './support/http.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const ROUTER_SECRET = 'webhooks-restart-router-secret-0123456789';

interface Running {
  store: Store;
  queue: SqliteJobQueue;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** Waits (briefly, polling) for `found` to give a value. */
async function until<T>(found: () => Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('request webhooks across a restart (sqlite file, real job queue)', () => {
  let db: FreshDatabase;
  let receiver: WebhookReceiver;
  let clock = Date.now();
  const now = () => clock;

  const start = async (): Promise<Running> => {
    const store = await openStore(db.url);
    await store.migrate();
    const queue = new SqliteJobQueue(db.url.slice('sqlite:'.length), { now, maintenanceIntervalMs: 50 });
    await queue.start();
    const app = await buildApp({ store, jobs: queue, now, routerSecret: ROUTER_SECRET, discovery: { allowPrivate: true }, logger: false });
    await app.ready();
    return {
      store, queue, app,
      async stop() {
        await app.close();
        await queue.stop({ graceMs: 1000 });
        await store.close();
      },
    };
  };

  beforeAll(async () => {
    db = await freshMigratedUrl('sqlite');
    receiver = await startWebhookReceiver(now);
  });

  afterAll(async () => {
    await receiver?.close();
    await db?.cleanup();
  });

  it('delivers after the restart what failed before it', { timeout: 30_000 }, async () => {
    const first = await start();
    await first.store.saveJurisdiction(JURISDICTION);
    for (const s of SERVICES) await first.store.saveService(s);
    const key = await first.store.createApiKey({ name: 'app', rate_limit_per_minute: 0, trusted: false });
    const admin = await first.store.createStaffToken({ name: 'ada', role: 'admin' });
    const created = await first.app.inject({
      method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${admin.secret}` },
      payload: { jurisdiction_id: JURISDICTION.id, name: 'Restart', url: receiver.url('/restart'), events: ['created'], owner_email: 'ops@hooks.example' },
    });
    expect(created.statusCode).toBe(201);
    const hook = created.json<{ id: string; secret: string }>();
    receiver.secrets.set('/restart', hook.secret);
    receiver.answers.set('/restart', [500]);

    const posted = await first.app.inject({
      method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(potholeForm(key.secret)),
    });
    expect(posted.statusCode).toBe(200);
    const delivery = (s: Store) => s.webhooks.listDeliveries(hook.id, { limit: 10 });
    const failed = await until(async () => (await delivery(first.store)).find((d) => d.attempts === 1), 'the first attempt');
    expect(failed).toMatchObject({ state: 'pending', attempt_log: [{ http_status: 500 }] });
    await first.stop();

    // The first retry waits 1 to 2 minutes (the queue's back-off, with jitter); the new process takes it up.
    clock += 121_000;
    const second = await start();
    try {
      const done = await until<WebhookDelivery & { attempt_log: unknown[] }>(
        async () => (await delivery(second.store)).find((d) => d.state === 'delivered'), 'the delivery after the restart');
      expect(done).toMatchObject({ id: failed.id, attempts: 2 });
      expect(await delivery(second.store)).toHaveLength(1);
      expect(receiver.received.map((r) => [r.status, r.verified])).toEqual([[500, true], [200, true]]);
    } finally {
      await second.stop();
    }
  });
});
