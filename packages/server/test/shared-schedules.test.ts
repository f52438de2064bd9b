/**
 * Cron schedules live in the shared queue, so a process must not remove one
 * because of its own flags: a process started with --no-sandbox beside one
 * that serves the sandbox leaves the daily reset scheduled (issue 9). Only a
 * database without a sandbox drops that schedule.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import { registerServerJobs } from '../src/jobs/server-jobs.js';
import { JOB } from '../src/jobs/job-names.js';
import type { ServiceContext } from '../src/services/context.js';
import type { JobQueue } from '@o311/jobs';
import { withMemoryStore } from './support/memory-store.js';

/** A queue that records what is scheduled and registered. */
function recordingQueue(): { queue: JobQueue; scheduled: Set<string>; workers: Set<string> } {
  const scheduled = new Set<string>();
  const workers = new Set<string>();
  const queue = {
    work: async (name: string) => void workers.add(name),
    schedule: async (name: string) => void scheduled.add(name),
    unschedule: async (name: string) => void scheduled.delete(name),
  } as unknown as JobQueue;
  return { queue, scheduled, workers };
}

const SANDBOX = { id: 'sandbox', name: 'Sandbox', contact: 'c', key_service: 'k', timezone: 'UTC', sandbox: true };

describe('server job schedules are decided by the database, not by one process', () => {
  let store: Store;
  withMemoryStore((opened) => (store = opened));

  const context = (queue: JobQueue, sandbox: boolean): ServiceContext =>
    ({
      store,
      jobs: queue,
      now: () => Date.now(),
      postLimits: { prune: async () => undefined },
      sandbox: sandbox ? { jurisdictionId: SANDBOX.id } : undefined,
    }) as unknown as ServiceContext;

  it('a process without a sandbox keeps the reset that another process scheduled, and can run it', async () => {
    await store.saveJurisdiction(SANDBOX);
    const shared = recordingQueue();
    await registerServerJobs(context(shared.queue, true));
    expect(shared.scheduled).toContain(JOB.sandboxReset);
    await registerServerJobs(context(shared.queue, false));
    expect(shared.scheduled).toContain(JOB.sandboxReset);
    expect(shared.workers).toContain(JOB.sandboxReset);
  });

  it('drops the reset schedule once the database has no sandbox', async () => {
    const shared = recordingQueue();
    await shared.queue.schedule(JOB.sandboxReset, '0 4 * * *');
    await registerServerJobs(context(shared.queue, false));
    expect(shared.scheduled).not.toContain(JOB.sandboxReset);
    expect(shared.scheduled).toContain(JOB.rateLimitsPrune);
  });
});
