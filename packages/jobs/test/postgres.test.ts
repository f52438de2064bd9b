import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openJobQueue } from '@o311/jobs';
import { engines } from './engines.js';
import { runJobQueueContract } from './contract.js';
import { runJobQueueProcessContract } from './contract-processes.js';
import { useFreshQueues, waitFor } from './helpers.js';

runJobQueueContract(engines.postgres);
runJobQueueProcessContract(engines.postgres);

describe('PostgreSQL engine specifics', () => {
  const queues = useFreshQueues(engines.postgres);

  it("hands pg-boss's error events to onError and keeps working when its connections are cut", async () => {
    const { url } = await queues.database();
    const errors: unknown[] = [];
    const queue = await openJobQueue(url, { ...engines.postgres.options, onError: (e) => errors.push(e) });
    try {
      await queue.start();
      await queue.enqueue('warm-up', {});
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'o311-jobs' and pid <> pg_backend_pid()`);
      } finally {
        await admin.end();
      }
      await waitFor('an error event', () => errors.length > 0);
      expect(String(errors[0])).toMatch(/terminat/i);
      let ran = false;
      // An idle pooled connection the cut killed may be handed out once more before the pool drops it:
      // the first call can fail with the cut's error; the queue must work on the next one.
      const afterCut = async <T>(call: () => Promise<T>): Promise<T> => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await call();
          } catch (e) {
            if (attempt >= 5 || !/terminat/i.test(String(e))) throw e;
          }
        }
      };
      await afterCut(() => queue.work('after-cut', async () => {
        ran = true;
      }, { pollIntervalMs: engines.postgres.pollIntervalMs }));
      await afterCut(() => queue.enqueue('after-cut', {}));
      await waitFor('a job after the cut', () => ran);
    } finally {
      await queue.stop({ graceMs: 0 });
    }
  });

  it('keeps its tables in the schema it is given', async () => {
    const { url } = await queues.database();
    const queue = await openJobQueue(url, { ...engines.postgres.options, schema: 'o311_jobs' });
    try {
      await queue.start();
      await queue.enqueue('placed', { n: 1 });
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ n: number }>(`select count(*)::int as n from o311_jobs.job where name = 'placed'`);
        expect(rows[0]?.n).toBe(1);
      } finally {
        await admin.end();
      }
    } finally {
      await queue.stop({ graceMs: 0 });
    }
  });
});
