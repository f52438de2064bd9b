/**
 * The job queue's contract across processes, run once per engine: worker
 * processes (fixtures/worker.mjs, on the built package) share one database.
 */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import type { EngineUnderTest } from './engines.js';
import { sleep, useFreshQueues, waitFor } from './helpers.js';
import { useWorkerProcesses } from './processes.js';

export function runJobQueueProcessContract(engine: EngineUnderTest): void {
  describe(`job queue contract across processes (${engine.dialect})`, () => {
    const queues = useFreshQueues(engine);
    const workers = useWorkerProcesses();
    const settings = async (name: string) => ({
      url: (await queues.database()).url,
      options: engine.options,
      name,
      pollIntervalMs: engine.pollIntervalMs,
    });

    it('claims each job exactly once with three processes of three workers each', async () => {
      const queue = await queues.open();
      const base = await settings('bulk');
      await Promise.all([1, 2, 3].map(() => workers.start({ ...base, concurrency: 3, jobMs: 20 })));
      const ids = new Set<string>();
      for (let i = 0; i < 90; i++) ids.add((await queue.enqueue('bulk', { i }))!);
      await waitFor('90 completed jobs', async () => (await queue.counts()).completed === 90, 30_000);
      await sleep(engine.pollIntervalMs * 4);
      const runs = workers.runs();
      expect(runs).toHaveLength(90);
      expect(new Set(runs.map((r) => r.id))).toEqual(ids);
      expect(runs.every((r) => r.attempt === 1)).toBe(true);
      expect(new Set(runs.map((r) => r.pid)).size).toBeGreaterThan(1);
    });

    it('runs a job again after its lease when its worker process is killed mid-job, and completes it', async () => {
      const queue = await queues.open();
      const first = await workers.start({ ...(await settings('fragile-host')), hangOnFirstAttempt: true });
      const id = (await queue.enqueue('fragile-host', { n: 1 }, { leaseMs: engine.leaseMs, retryDelayMs: 0 }))!;
      expect(await first.hanging).toBe(id);
      expect((await queue.get(id))?.state).toBe('active');
      await first.kill();
      const second = await workers.start({ ...(await settings('fragile-host')), hangOnFirstAttempt: true });
      await waitFor('the job to complete on the second process', async () => (await queue.get(id))?.state === 'completed', 30_000);
      const runs = workers.runs();
      expect(runs.map((r) => [r.pid, r.attempt])).toEqual([
        [first.pid, 1],
        [second.pid, 2],
      ]);
      expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(engine.leaseMs - 1);
      expect(await queue.get(id)).toMatchObject({ state: 'completed', attempts: 2 });
    });

    it('fires a cron schedule once per tick across three processes', async () => {
      const base = { ...(await settings('cron.tick')), cron: engine.cron.expression };
      const since = Date.now();
      const processes = await Promise.all([1, 2, 3].map(() => workers.start(base)));
      await waitFor(`${engine.cron.minRuns} cron runs`, () => workers.runs().length >= engine.cron.minRuns, 30_000);
      // Give every process a few more chances to fire a tick it should not.
      await sleep(2500);
      await Promise.all(processes.map((p) => p.stop()));
      const until = Date.now();
      const cron = new Cron(engine.cron.expression, { paused: true, timezone: 'UTC' });
      let ticks = 0;
      for (let t = cron.nextRun(new Date(since - engine.cron.lookbackMs)); t && t.getTime() <= until; t = cron.nextRun(t)) ticks++;
      const runs = workers.runs();
      expect(runs.length).toBeGreaterThanOrEqual(engine.cron.minRuns);
      expect(runs.length).toBeLessThanOrEqual(ticks);
      expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length);
    });
  });
}
