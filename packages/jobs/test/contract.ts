/**
 * The job queue's contract within one process, run once per engine
 * (sqlite.test.ts, postgres.test.ts). Several processes: contract-processes.ts.
 */
import { describe, expect, it } from 'vitest';
import { JobQueueError, MAX_PAYLOAD_BYTES, openJobQueue, type Job } from '@o311/jobs';
import type { EngineUnderTest } from './engines.js';
import { sleep, useFreshQueues, waitFor } from './helpers.js';

export function runJobQueueContract(engine: EngineUnderTest): void {
  describe(`job queue contract (${engine.dialect})`, () => {
    const queues = useFreshQueues(engine);
    const poll = { pollIntervalMs: engine.pollIntervalMs };

    it('runs an enqueued job once with its payload, then lists it as completed', async () => {
      const queue = await queues.open();
      const runs: Job[] = [];
      await queue.work('mail.send', async (job) => {
        runs.push(job);
      }, poll);
      const id = await queue.enqueue('mail.send', { to: 'a@example.org', n: 1 });
      expect(id).toBeTypeOf('string');
      await waitFor('the job to complete', async () => (await queue.get(id!))?.state === 'completed');
      expect(runs).toEqual([{ id, name: 'mail.send', data: { to: 'a@example.org', n: 1 }, attempt: 1 }]);
      const record = await queue.get(id!);
      expect(record).toMatchObject({ id, name: 'mail.send', state: 'completed', attempts: 1, retryLimit: 5, lastError: null });
      expect(record?.completedAt).toBeGreaterThanOrEqual(record!.createdAt);
      expect((await queue.counts()).completed).toBe(1);
    });

    it('runs each job exactly once with several workers of several queues, each with concurrency', async () => {
      const queues3 = [await queues.open(), await queues.open(), await queues.open()];
      const runs = new Map<string, number>();
      let inFlight = 0;
      let maxInFlight = 0;
      for (const q of queues3) {
        await q.work('fanout', async (job) => {
          runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(20);
          inFlight--;
        }, { ...poll, concurrency: 4 });
      }
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) ids.push((await queues3[i % 3]!.enqueue('fanout', { i }))!);
      await waitFor('60 completed jobs', async () => (await queues3[0]!.counts()).completed === 60);
      await sleep(engine.pollIntervalMs * 4);
      expect([...runs.keys()].sort()).toEqual([...ids].sort());
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      expect(maxInFlight).toBeGreaterThan(1);
    });

    it('retries a failing job with back-off: attempts count up, each retry waits at least the delay doubled per attempt', async () => {
      const queue = await queues.open();
      const starts: number[] = [];
      const failures: number[] = [];
      const attempts: number[] = [];
      await queue.work('flaky', async (job) => {
        starts.push(Date.now());
        attempts.push(job.attempt);
        if (job.attempt < 3) {
          failures.push(Date.now());
          throw new Error(`failure ${job.attempt}`);
        }
      }, poll);
      const id = await queue.enqueue('flaky', null, { retryLimit: 3, retryDelayMs: engine.retryDelayMs, backoff: true });
      await waitFor('the third attempt to complete', async () => (await queue.get(id!))?.state === 'completed', 30_000);
      expect(attempts).toEqual([1, 2, 3]);
      // Timestamps are whole milliseconds taken on either side of the database: allow one of rounding.
      expect(starts[1]! - failures[0]!).toBeGreaterThanOrEqual(engine.retryDelayMs - 1);
      expect(starts[2]! - failures[1]!).toBeGreaterThanOrEqual(2 * engine.retryDelayMs - 1);
      expect(await queue.get(id!)).toMatchObject({ state: 'completed', attempts: 3 });
    });

    it('moves a job to dead after its last retry, keeps the error, and lets an admin retry or discard it', async () => {
      const queue = await queues.open();
      let healthy = false;
      const seen: Array<{ id: string; attempt: number }> = [];
      await queue.work('fragile', async (job) => {
        seen.push({ id: job.id, attempt: job.attempt });
        if (!healthy) throw new Error('SMTP server refused: 554');
      }, poll);
      const options = { retryLimit: 1, retryDelayMs: 0, backoff: false };
      const a = (await queue.enqueue('fragile', { a: 1 }, options))!;
      const b = (await queue.enqueue('fragile', { b: 1 }, options))!;
      await waitFor('both jobs dead', async () => (await queue.counts()).dead === 2);
      const dead = await queue.get(a);
      expect(dead).toMatchObject({ state: 'dead', attempts: 2, lastError: 'SMTP server refused: 554' });
      expect(await queue.list({ states: ['dead'], limit: 10 })).toHaveLength(2);

      healthy = true;
      expect(await queue.retry(a)).toBe(true);
      await waitFor('the retried job to complete', async () => (await queue.get(a))?.state === 'completed');
      expect(seen.filter((s) => s.id === a).map((s) => s.attempt)).toEqual([1, 2, 1]);

      expect(await queue.discard(b)).toBe(true);
      expect(await queue.get(b)).toBeUndefined();
      expect(await queue.discard(a)).toBe(false);
      expect(await queue.retry(a)).toBe(false);
      expect(await queue.retry(b)).toBe(false);
      expect(await queue.counts()).toMatchObject({ dead: 0, completed: 1 });
    });

    it('does not run a delayed job before its run time', async () => {
      const queue = await queues.open();
      let startedAt: number | undefined;
      await queue.work('later', async () => {
        startedAt = Date.now();
      }, poll);
      const runAt = Date.now() + 1500;
      const id = (await queue.enqueue('later', {}, { runAt }))!;
      expect(await queue.get(id)).toMatchObject({ state: 'queued', runAt });
      await waitFor('the delayed job to run', () => startedAt, 20_000);
      expect(startedAt).toBeGreaterThanOrEqual(runAt - 1);
    });

    it('keeps one pending job per singleton key and name; a finished one frees the key', async () => {
      const queue = await queues.open();
      const first = await queue.enqueue('digest', { n: 1 }, { singletonKey: 'user-7' });
      expect(first).toBeTypeOf('string');
      expect(await queue.enqueue('digest', { n: 2 }, { singletonKey: 'user-7' })).toBeUndefined();
      expect(await queue.enqueue('digest', { n: 3 }, { singletonKey: 'user-8' })).toBeTypeOf('string');
      expect(await queue.enqueue('other', { n: 4 }, { singletonKey: 'user-7' })).toBeTypeOf('string');
      await queue.work('digest', async () => undefined, poll);
      await waitFor('the first job to complete', async () => (await queue.get(first!))?.state === 'completed');
      expect(await queue.enqueue('digest', { n: 5 }, { singletonKey: 'user-7' })).toBeTypeOf('string');
    });

    it('loses nothing across a restart: a job enqueued before stop() runs on a new queue', async () => {
      const first = await queues.open();
      const id = (await first.enqueue('survivor', { kept: true }))!;
      const delayed = (await first.enqueue('survivor', { kept: 'later' }, { runAt: Date.now() + 300 }))!;
      await first.stop();
      const second = await queues.open();
      const seen: unknown[] = [];
      await second.work('survivor', async (job) => {
        seen.push(job.data);
      }, poll);
      await waitFor('both jobs to complete', async () => (await second.counts()).completed === 2);
      expect(seen).toEqual([{ kept: true }, { kept: 'later' }]);
      expect((await second.get(id))?.state).toBe('completed');
      expect((await second.get(delayed))?.state).toBe('completed');
    });

    it('lets a running handler finish within the grace of stop() and records its outcome', async () => {
      const first = await queues.open();
      let started = false;
      await first.work('graceful', async () => {
        started = true;
        await sleep(300);
      }, poll);
      const id = (await first.enqueue('graceful', {}))!;
      await waitFor('the handler to start', () => started);
      await first.stop({ graceMs: 10_000 });
      const second = await queues.open();
      expect(await second.get(id)).toMatchObject({ state: 'completed', attempts: 1 });
    });

    it('lists jobs newest first, by state and name, with counts per state', async () => {
      const queue = await queues.open();
      const a = (await queue.enqueue('alpha', 1))!;
      await sleep(5);
      const b = (await queue.enqueue('beta', 2, { runAt: Date.now() + 60_000 }))!;
      await sleep(5);
      const c = (await queue.enqueue('alpha', 3))!;
      expect((await queue.list({ limit: 10 })).map((j) => j.id)).toEqual([c, b, a]);
      expect((await queue.list({ name: 'alpha', limit: 10 })).map((j) => j.id)).toEqual([c, a]);
      expect((await queue.list({ limit: 1, offset: 1 })).map((j) => j.id)).toEqual([b]);
      expect((await queue.list({ states: ['completed'], limit: 10 }))).toEqual([]);
      expect(await queue.counts()).toEqual({ queued: 3, active: 0, retry: 0, completed: 0, dead: 0 });
      expect(await queue.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect(await queue.get('not-an-id')).toBeUndefined();
      expect(await queue.discard(b)).toBe(true);
      expect((await queue.counts()).queued).toBe(2);
    });

    it('refuses inputs out of bounds with a clear error', async () => {
      const queue = await queues.open();
      const refused = async (what: Promise<unknown>, message: RegExp) => {
        const error = await what.then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(JobQueueError);
        expect((error as JobQueueError).kind).toBe('invalid-input');
        expect((error as Error).message).toMatch(message);
      };
      await refused(queue.enqueue('has space', 1), /job name/);
      await refused(queue.enqueue('x'.repeat(65), 1), /job name/);
      await refused(queue.enqueue('big', 'x'.repeat(MAX_PAYLOAD_BYTES)), /payload is \d+ bytes/);
      await refused(queue.enqueue('cyclic', (() => { const o: Record<string, unknown> = {}; o.o = o; return o; })()), /JSON/);
      await refused(queue.enqueue('n', 1, { retryLimit: 101 }), /retryLimit/);
      await refused(queue.enqueue('n', 1, { retryLimit: -1 }), /retryLimit/);
      await refused(queue.enqueue('n', 1, { leaseMs: 10 }), /leaseMs/);
      await refused(queue.enqueue('n', 1, { runAt: Number.NaN }), /runAt/);
      await refused(queue.enqueue('n', 1, { runAt: Date.now() + 400 * 86_400_000 }), /runAt/);
      await refused(queue.enqueue('n', 1, { singletonKey: '' }), /singletonKey/);
      await refused(queue.schedule('cron.bad', 'every minute'), /invalid cron expression/);
      await refused(queue.schedule('cron.bad', '61 * * * *'), /invalid cron expression/);
      await refused(queue.schedule('cron.bad', '* * * * *', null, { timezone: 'Mars/Olympus' }), /time zone/);
      await refused(queue.work('w', async () => undefined, { concurrency: 0 }), /concurrency/);
      await refused(queue.list({ limit: 0 }), /limit/);
      await refused(queue.list({ limit: 10, states: ['lost' as 'dead'] }), /unknown job state/);
      await refused(openJobQueue((await queues.database()).url, { maintenanceIntervalMs: 0 }), /maintenanceIntervalMs/);
      expect(await queue.counts()).toEqual({ queued: 0, active: 0, retry: 0, completed: 0, dead: 0 });
    });

    it('takes one handler per name and process', async () => {
      const queue = await queues.open();
      await queue.work('once', async () => undefined, poll);
      const error = await queue.work('once', async () => undefined, poll).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JobQueueError);
      expect((error as JobQueueError).kind).toBe('handler-exists');
    });
  });
}
