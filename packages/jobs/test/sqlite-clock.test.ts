/**
 * The SQLite engine's upkeep on a clock the test turns (SqliteJobQueue's `now`
 * and maintain()): leases, cron ticks and the retention of completed jobs,
 * without waiting for real time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteJobQueue } from '@o311/jobs';
import { freshSqliteUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { waitFor } from './helpers.js';

const T0 = Date.UTC(2030, 0, 1, 0, 0, 30);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('SQLite engine on a test clock', () => {
  let db: FreshDatabase | undefined;
  const open: SqliteJobQueue[] = [];
  let clock = T0;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.stop({ graceMs: 0 })));
    await db?.cleanup();
    db = undefined;
    clock = T0;
  });
  const queue = async (): Promise<SqliteJobQueue> => {
    db ??= await freshSqliteUrl();
    // The timer's own rounds must not interfere: the test calls maintain().
    const q = new SqliteJobQueue(db.url.slice('sqlite:'.length), { now: () => clock, maintenanceIntervalMs: 3_600_000 });
    open.push(q);
    await q.start();
    return q;
  };
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  };

  it('fails an attempt whose lease ran out, runs it again, and ignores the late end of the expired attempt', async () => {
    const q = await queue();
    const gates = [gate(), gate()];
    const attempts: number[] = [];
    await q.work('slow', async (job) => {
      attempts.push(job.attempt);
      await gates[job.attempt - 1]!.opened;
    }, { pollIntervalMs: 10 });
    const id = (await q.enqueue('slow', {}, { leaseMs: 1000, retryDelayMs: 0, backoff: false }))!;
    await waitFor('the first attempt', () => attempts.length === 1);
    clock += 999;
    q.maintain();
    expect((await q.get(id))?.state).toBe('active');
    clock += 1;
    q.maintain();
    expect(await q.get(id)).toMatchObject({ state: 'retry', attempts: 1, lastError: 'lease expired: the worker died or hung' });
    await waitFor('the second attempt', () => attempts.length === 2);
    gates[0]!.open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await q.get(id)).toMatchObject({ state: 'active', attempts: 2 });
    gates[1]!.open();
    await waitFor('completion', async () => (await q.get(id))?.state === 'completed');
    expect(attempts).toEqual([1, 2]);
  });

  it('makes a lost job dead when its lease runs out on the last attempt', async () => {
    const q = await queue();
    const hang = gate();
    await q.work('lost', () => hang.opened, { pollIntervalMs: 10 });
    const id = (await q.enqueue('lost', {}, { leaseMs: 1000, retryLimit: 0 }))!;
    await waitFor('the attempt to start', async () => (await q.get(id))?.state === 'active');
    clock += 1000;
    q.maintain();
    expect(await q.get(id)).toMatchObject({ state: 'dead', attempts: 1, completedAt: clock });
    hang.open();
  });

  it('fires each due cron tick once across queues, collapses missed ticks, and stops after unschedule', async () => {
    const a = await queue();
    const b = await queue();
    await a.schedule('cleanup', '* * * * *', { kind: 'cleanup' }, { retryLimit: 2 });
    await b.schedule('cleanup', '* * * * *', { kind: 'cleanup' }, { retryLimit: 2 });
    a.maintain();
    b.maintain();
    expect(await a.list({ limit: 10 })).toEqual([]);

    clock = T0 + 30_000; // 00:01:00
    a.maintain();
    b.maintain();
    a.maintain();
    const first = await a.list({ limit: 10 });
    expect(first.map((j) => [j.name, j.runAt, j.data, j.retryLimit])).toEqual([['cleanup', T0 + 30_000, { kind: 'cleanup' }, 2]]);

    clock = T0 + 5 * MINUTE; // 00:05:30: four ticks missed
    b.maintain();
    a.maintain();
    const runAts = (await a.list({ limit: 10 })).map((j) => j.runAt);
    expect(runAts).toEqual([T0 + 4 * MINUTE + 30_000, T0 + 30_000]);

    await a.unschedule('cleanup');
    clock += 10 * MINUTE;
    a.maintain();
    b.maintain();
    expect(await a.list({ limit: 10 })).toHaveLength(2);
  });

  it('keeps completed jobs for 7 days and dead jobs until an admin acts', async () => {
    const q = await queue();
    await q.work('short-lived', async (job) => {
      if ((job.data as { fail: boolean }).fail) throw new Error('no');
    }, { pollIntervalMs: 10 });
    const done = (await q.enqueue('short-lived', { fail: false }))!;
    const dead = (await q.enqueue('short-lived', { fail: true }, { retryLimit: 0 }))!;
    await waitFor('both jobs to end', async () => {
      const counts = await q.counts();
      return counts.completed === 1 && counts.dead === 1;
    });
    clock += 7 * DAY;
    q.maintain();
    expect((await q.get(done))?.state).toBe('completed');
    clock += 1;
    q.maintain();
    expect(await q.get(done)).toBeUndefined();
    expect((await q.get(dead))?.state).toBe('dead');
  });
});
