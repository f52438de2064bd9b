/**
 * The outbox sweep's schedule is shared by every process on the database: a
 * process without SMTP keeps it (and takes its ticks without sweeping), so a
 * process that has SMTP is never left without it (issue 9).
 */
import { describe, expect, it } from 'vitest';
import { JOB, type JobQueue } from '@o311/server';
import { registerMailJobs } from '../src/mail/mail-jobs.js';
import type { WebContext } from '../src/context.js';

function recordingQueue() {
  const scheduled = new Set<string>();
  const workers = new Map<string, () => Promise<void>>();
  const queue = {
    work: async (name: string, handler: () => Promise<void>) => void workers.set(name, handler),
    schedule: async (name: string) => void scheduled.add(name),
    unschedule: async (name: string) => void scheduled.delete(name),
  } as unknown as JobQueue;
  return { queue, scheduled, workers };
}

const webWith = (queue: JobQueue, smtpUrl: string | undefined, swept: string[]): WebContext =>
  ({
    services: {
      jobs: queue,
      now: () => Date.now(),
      store: { listOutbox: async () => (swept.push('listed'), []) },
    },
    options: { smtpUrl, publicUrl: 'https://311.example.org' },
  }) as unknown as WebContext;

describe('mail job schedules', () => {
  it('a process without SMTP keeps the sweep scheduled and its tick sweeps nothing; one with SMTP sweeps', async () => {
    const shared = recordingQueue();
    const swept: string[] = [];
    await registerMailJobs(webWith(shared.queue, 'smtp://127.0.0.1:2525', swept));
    expect(shared.scheduled).toContain(JOB.mailSweep);
    expect(shared.workers.has(JOB.mailDeliver)).toBe(true);

    const other = recordingQueue();
    other.scheduled.add(JOB.mailSweep);
    const noSmtp: string[] = [];
    await registerMailJobs(webWith(other.queue, undefined, noSmtp));
    expect(other.scheduled).toContain(JOB.mailSweep);
    expect(other.workers.has(JOB.mailDeliver)).toBe(false);
    await other.workers.get(JOB.mailSweep)!();
    expect(noSmtp).toEqual([]);
    await shared.workers.get(JOB.mailSweep)!();
    expect(swept).toEqual(['listed']);
  });
});
