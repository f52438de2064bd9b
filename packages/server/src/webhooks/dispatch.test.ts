/**
 * The webhooks' dispatch on a fake clock: a change reaches only subscribers
 * that existed when it happened, that want its kind and are active; a
 * `rebuild` reaches nobody and the cursor moves past it (one delivery per
 * subscriber and change is the store's contract); the sweep queues a delivery stored without a job (a crash between the insert
 * and the enqueue) once it is a minute old, and never one waiting for its retry.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialBox } from '@o311/router';
import { newService, type Store } from '@o311/store';
import { JOB } from '../jobs/job-names.js';
import { PublicOrigin } from '../http/public-origin.js';
import { JURISDICTION } from '../../test/support/fixture.js';
import { ManualQueue } from '../../test/support/manual-queue.js';
import { withMemoryStore } from '../../test/support/memory-store.js';
import { newRequest } from '../../test/support/requests.js';
import { dispatchWebhooks, sweepDeliveries, type WebhookServices } from './dispatch.js';

const T0 = Date.UTC(2026, 11, 4, 12, 0);

describe('dispatchWebhooks', () => {
  let store: Store;
  withMemoryStore((opened) => (store = opened));

  const setup = async () => {
    await store.saveJurisdiction(JURISDICTION);
    await store.saveService(newService({ jurisdiction_id: JURISDICTION.id, service_code: 'pothole', service_name: 'Pothole' }));
    let now = T0;
    const jobs = new ManualQueue();
    const ctx: WebhookServices = {
      store, jobs, now: () => now, origin: new PublicOrigin('https://311.example.org'), routerCredentials: new CredentialBox('dispatch-test-router-secret-0123'),
    };
    const subscriber = (events: Array<'created' | 'updated' | 'closed'>, at: number) =>
      store.webhooks.createSubscriber({
        id: randomUUID(), jurisdiction_id: JURISDICTION.id, name: 'x', url: 'https://hooks.example/', events, secret_sealed: 's', owner_email: 'o@x.example', created_by: 't',
      }, at);
    return { ctx, jobs, subscriber, at: (ms: number) => (now = ms) };
  };

  it('delivers to subscribers that existed, want the kind and are active; rebuild to nobody', async () => {
    const { ctx, jobs, subscriber, at } = await setup();
    await store.createRequest(newRequest({ service_code: 'pothole', requested_at: T0 }));
    const early = await subscriber(['created'], T0 + 1);
    const closedOnly = await subscriber(['closed'], T0 + 1);
    const paused = await subscriber(['created'], T0 + 1);
    await store.webhooks.pause(paused.id, 'test', T0 + 1);
    await store.createRequest(newRequest({ service_code: 'pothole', requested_at: T0 + 2 }));
    at(T0 + 3);
    expect(await dispatchWebhooks(ctx)).toBe(1);
    const [d] = await store.webhooks.listDeliveries(early.id, { limit: 10 });
    expect(d).toMatchObject({ event: 'request.created', state: 'pending' });
    expect(JSON.parse(d!.body)).toMatchObject({ id: d!.id, event: 'request.created', occurred_at: new Date(T0 + 2).toISOString(), jurisdiction_id: JURISDICTION.id });
    expect(await store.webhooks.listDeliveries(closedOnly.id, { limit: 10 })).toEqual([]);
    expect(await store.webhooks.listDeliveries(paused.id, { limit: 10 })).toEqual([]);
    expect(jobs.jobs(JOB.webhooksDeliver).map((j) => j.data)).toEqual([{ deliveryId: d!.id }]);
    // A rebuild (the requests cleared) tells nobody.
    expect(await store.clearRequests(JURISDICTION.id)).toBe(2);
    expect(await dispatchWebhooks(ctx)).toBe(0);
    expect(await store.changes.cursor('webhooks')).toBe(await store.changes.latest());
  });

  it('sweeps deliveries left without a job once they are a minute old, and not one waiting for its retry', async () => {
    const { ctx, jobs, subscriber, at } = await setup();
    const s = await subscriber(['created'], T0);
    const [lost, waiting] = await store.webhooks.addDeliveries(
      [1, 2].map((n) => ({ id: randomUUID(), subscriber_id: s.id, change_id: n, event: 'request.created', body: '{}', replay_of: null })), T0);
    await jobs.enqueue(JOB.webhooksDeliver, { deliveryId: waiting!.id }, { singletonKey: waiting!.id });
    at(T0 + 30_000);
    expect(await sweepDeliveries(ctx)).toBe(0);
    at(T0 + 61_000);
    expect(await sweepDeliveries(ctx)).toBe(1);
    expect(jobs.jobs(JOB.webhooksDeliver).map((j) => j.data)).toEqual([{ deliveryId: waiting!.id }, { deliveryId: lost!.id }]);
  });
});
