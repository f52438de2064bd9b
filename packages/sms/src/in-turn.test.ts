import { describe, expect, it } from 'vitest';
import { inTurn } from './in-turn.js';

describe('inTurn', () => {
  it('runs the tasks of one key one after the other, in order, and of other keys meanwhile', async () => {
    const turn = inTurn();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const first = turn('a', async () => { log.push('a1 start'); await gate; log.push('a1 end'); return 1; });
    const second = turn('a', async () => { log.push('a2'); return 2; });
    const other = turn('b', async () => { log.push('b'); return 3; });
    expect(await other).toBe(3);
    expect(log).toEqual(['a1 start', 'b']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  });

  it('goes on after a task that failed, and hands its error to its caller only', async () => {
    const turn = inTurn();
    const failed = turn('a', () => Promise.reject(new Error('boom')));
    const next = turn('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
  });
});
