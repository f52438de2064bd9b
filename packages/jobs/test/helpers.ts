/** Setup and waiting shared by the job queue's contract suites. */
import { afterEach } from 'vitest';
import { openJobQueue, type JobQueue } from '@o311/jobs';
import { freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import type { EngineUnderTest } from './engines.js';

/** Waits until `check` returns a value other than undefined/false, polling; fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A fresh database per test and the queues opened on it, stopped and dropped
 * after the test.
 */
export function useFreshQueues(engine: EngineUnderTest): {
  database(): Promise<FreshDatabase>;
  open(): Promise<JobQueue>;
} {
  let db: FreshDatabase | undefined;
  const queues: JobQueue[] = [];
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop({ graceMs: 0 })));
    await db?.cleanup();
    db = undefined;
  });
  const database = async (): Promise<FreshDatabase> => (db ??= await freshUrl(engine.dialect));
  return {
    database,
    async open() {
      const queue = await openJobQueue((await database()).url, { ...engine.options, onError: (e) => console.error(e) });
      queues.push(queue);
      await queue.start();
      return queue;
    },
  };
}
