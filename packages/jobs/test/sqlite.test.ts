import { describe, expect, it } from 'vitest';
import { engines } from './engines.js';
import { runJobQueueContract } from './contract.js';
import { runJobQueueProcessContract } from './contract-processes.js';
import { useFreshQueues } from './helpers.js';

runJobQueueContract(engines.sqlite);
runJobQueueProcessContract(engines.sqlite);

describe('SQLite job queue: enqueues of one turn share a commit (write-batch.ts)', () => {
  const queues = useFreshQueues(engines.sqlite);

  it('answers each enqueue of a burst on its own: a singleton key taken earlier in the same commit gives undefined', async () => {
    const queue = await queues.open();
    const ids = await Promise.all([
      queue.enqueue('burst', { n: 1 }, { singletonKey: 'one' }),
      queue.enqueue('burst', { n: 2 }, { singletonKey: 'one' }),
      queue.enqueue('burst', { n: 3 }),
    ]);
    expect(ids[0]).toBeTypeOf('string');
    expect(ids[1]).toBeUndefined();
    expect((await queue.list({ name: 'burst', limit: 10 })).map((j) => j.data)).toEqual(expect.arrayContaining([{ n: 1 }, { n: 3 }]));
    expect((await queue.counts()).queued).toBe(2);
  });

  it('commits an enqueue still waiting for its shared commit when stop() is called', async () => {
    const first = await queues.open();
    const waiting = first.enqueue('late', { n: 1 });
    await first.stop();
    const id = await waiting;
    const second = await queues.open();
    expect(await second.get(id!)).toMatchObject({ state: 'queued', data: { n: 1 } });
  });
});
