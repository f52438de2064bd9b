/**
 * A write landing while a dispatch runs: the enqueue after it is refused (one
 * dispatch at a time), so it marks the run, which goes round once more and
 * delivers the change at once rather than at the next minute's dispatch.
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
import { DispatchRuns, runDispatch } from './dispatch-runs.js';
import { webhookDispatchOptions } from './webhook-options.js';
import { dispatchAfterWrites } from './write-hook.js';

const T0 = Date.UTC(2026, 11, 4, 12, 0);

/** `target` with its methods bound to it, and `name` answered by `over`. */
const overriding = <T extends object>(target: T, name: PropertyKey, over: unknown): T =>
  new Proxy(target, {
    get: (t, p) => {
      if (p === name) return over;
      const v: unknown = Reflect.get(t, p, t);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });

describe('DispatchRuns', () => {
  it('runs once more per round a write marked dirty, a bounded number of times; not marked when idle', async () => {
    const runs = new DispatchRuns();
    expect(runs.markDirty()).toBe(false);
    let calls = 0;
    expect(await runs.run(async () => {
      calls += 1;
      if (calls === 1) expect(runs.markDirty()).toBe(true);
    })).toBe(2);
    expect(await runs.run(async () => void runs.markDirty())).toBe(21);
    expect(runs.markDirty()).toBe(false);
  });
});

describe('a write during a running dispatch', () => {
  let store: Store;
  withMemoryStore((opened) => (store = opened));

  it('is delivered by the same job, which runs once more', async () => {
    await store.saveJurisdiction(JURISDICTION);
    await store.saveService(newService({ jurisdiction_id: JURISDICTION.id, service_code: 'pothole', service_name: 'Pothole' }));
    const s = await store.webhooks.createSubscriber({
      id: randomUUID(), jurisdiction_id: JURISDICTION.id, name: 'x', url: 'https://hooks.example/', events: ['created'], secret_sealed: 's', owner_email: 'o@x.example', created_by: 't',
    }, T0);
    const jobs = new ManualQueue();
    const hooks: Array<(request: { method: string }, reply: { statusCode: number }) => Promise<void>> = [];
    const app = { addHook: (_name: string, hook: (typeof hooks)[number]) => void hooks.push(hook) };
    // The second request is written (and its write hook runs) after the first round read the feed, before it saved its cursor.
    let written = false;
    const changes = overriding(store.changes, 'saveCursor', async (name: string, id: number) => {
      await store.changes.saveCursor(name, id);
      if (written) return;
      written = true;
      await store.createRequest(newRequest({ service_code: 'pothole', requested_at: T0 + 2 }));
      await hooks[0]!({ method: 'POST' }, { statusCode: 201 });
    });
    const ctx = {
      store: overriding(store, 'changes', changes), jobs, now: () => T0 + 3, origin: new PublicOrigin('https://311.example.org'),
      routerCredentials: new CredentialBox('dispatch-test-router-secret-0123'),
    };
    dispatchAfterWrites(app as never, ctx);
    await jobs.work(JOB.webhooksDispatch, async () => void (await runDispatch(ctx)));
    await jobs.work(JOB.webhooksDeliver, async () => {});
    await store.createRequest(newRequest({ service_code: 'pothole', requested_at: T0 + 1 }));
    await jobs.enqueue(JOB.webhooksDispatch, {}, webhookDispatchOptions());
    await jobs.run([JOB.webhooksDispatch]);
    expect(written).toBe(true);
    // The write's enqueue was refused (the job was running), and no second job was needed.
    expect(jobs.jobs(JOB.webhooksDispatch)).toHaveLength(1);
    expect(await store.webhooks.listDeliveries(s.id, { limit: 10 })).toHaveLength(2);
    expect(jobs.jobs(JOB.webhooksDeliver)).toHaveLength(2);
  });
});
