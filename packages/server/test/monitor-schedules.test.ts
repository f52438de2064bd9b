/**
 * Which processes run the monitor (issue 12): one built with it registers
 * its six jobs and schedules the tick, the rollup and the daily conformance
 * runs; one built without it runs none of them and neither schedules nor
 * removes their schedules (shared by every process on the database), so a
 * server without --monitor leaves a monitoring process's schedules alone.
 * `monitorOnly` (o311 monitor run) registers no other job.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import { buildApp } from '../src/app.js';
import { JOB } from '../src/jobs/job-names.js';
import { ManualQueue } from './support/manual-queue.js';
import { withMemoryStore } from './support/memory-store.js';

const MONITOR_JOBS = [JOB.monitorTick, JOB.monitorPoll, JOB.monitorRollup, JOB.monitorConformance, JOB.monitorAlert, JOB.monitorWebhook];
const MONITOR_SCHEDULES = [JOB.monitorTick, JOB.monitorRollup, JOB.monitorConformance];

describe('monitor jobs and schedules per process', () => {
  let store: Store;
  withMemoryStore((opened) => (store = opened));

  it('a process with the monitor registers its jobs and schedules', async () => {
    const queue = new ManualQueue();
    const app = await buildApp({ store, jobs: queue, monitor: {} });
    await app.close();
    for (const name of MONITOR_JOBS) expect(queue.handles(name)).toBe(true);
    expect([...queue.scheduled.keys()]).toEqual(expect.arrayContaining(MONITOR_SCHEDULES));
    expect(queue.handles(JOB.routerDeliver)).toBe(true);
    // The first tick is queued at start, not left to the next minute.
    expect(queue.jobs(JOB.monitorTick)).toHaveLength(1);
  });

  it('a process without it runs none of them and leaves their schedules in place', async () => {
    const queue = new ManualQueue();
    for (const name of MONITOR_SCHEDULES) await queue.schedule(name, '* * * * *');
    const app = await buildApp({ store, jobs: queue });
    await app.close();
    for (const name of MONITOR_JOBS) expect(queue.handles(name)).toBe(false);
    expect([...queue.scheduled.keys()]).toEqual(expect.arrayContaining(MONITOR_SCHEDULES));
  });

  it('monitorOnly registers the monitor and nothing else', async () => {
    const queue = new ManualQueue();
    const app = await buildApp({ store, jobs: queue, monitor: {}, monitorOnly: true });
    await app.close();
    expect(MONITOR_JOBS.every((name) => queue.handles(name))).toBe(true);
    for (const name of [JOB.routerDeliver, JOB.registryCheck, JOB.rateLimitsPrune]) expect(queue.handles(name)).toBe(false);
  });

  it('refuses options out of bounds, saying the bounds', async () => {
    await expect(buildApp({ store, jobs: new ManualQueue(), monitor: { failuresToOpen: 0 } })).rejects.toThrow(/from 1 to 100/);
    await expect(buildApp({ store, jobs: new ManualQueue(), monitor: { timeoutMs: 5 } })).rejects.toThrow(/from 100 to 120000/);
  });
});
