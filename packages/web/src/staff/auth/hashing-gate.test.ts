import { describe, expect, it } from 'vitest';
import { HashingGate } from './hashing-gate.js';

/** A task that runs until the test lets it finish. */
function heldTask(log: { running: number; peak: number }) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  const task = async () => {
    log.running++;
    log.peak = Math.max(log.peak, log.running);
    await done;
    log.running--;
    return 'hashed';
  };
  return { task, release };
}

describe('HashingGate', () => {
  it('runs at most maxActive tasks at once, queues up to maxWaiting and refuses the rest at once', async () => {
    const gate = new HashingGate({ maxActive: 2, maxWaiting: 3 });
    const log = { running: 0, peak: 0 };
    const tasks = Array.from({ length: 8 }, () => heldTask(log));
    const outcomes = tasks.map((t) => gate.run(t.task));
    await Promise.resolve();
    expect(gate.active).toBe(2);
    expect(gate.waiting).toBe(3);
    // The three beyond the queue are refused without waiting for anything.
    expect(await Promise.all(outcomes.slice(5))).toEqual([{ ran: false }, { ran: false }, { ran: false }]);
    for (const t of tasks) t.release();
    expect(await Promise.all(outcomes.slice(0, 5))).toEqual(Array.from({ length: 5 }, () => ({ ran: true, value: 'hashed' })));
    expect(log.peak).toBe(2);
    expect(gate.active).toBe(0);
    expect(gate.waiting).toBe(0);
  });

  it('frees the slot when a task throws', async () => {
    const gate = new HashingGate({ maxActive: 1, maxWaiting: 0 });
    await expect(gate.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await gate.run(async () => 1)).toEqual({ ran: true, value: 1 });
  });
});
