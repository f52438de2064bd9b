import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '@o311/validator';
import { PROGRESS_INTERVAL_MS, ProgressSaver } from './progress-saver.js';

const result = (i: number): CheckResult => ({
  id: `check-${i}`, title: `Check ${i}`, severity: 'error', status: 'pass', specRef: 'x', message: 'ok', fix: 'Fix it.', durationMs: 1,
});

describe('ProgressSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes at most once per interval, one write at a time, and always the last', async () => {
    const writes: { done: number; partial: number; at: number }[] = [];
    const saver = new ProgressSaver({
      progress: async (_id, done, partial) => {
        writes.push({ done, partial: partial.length, at: Date.now() });
      },
    }, 'run-1');
    for (let i = 1; i <= 40; i++) {
      saver.add(i, 40, result(i));
      await vi.advanceTimersByTimeAsync(20);
    }
    await saver.flush();
    // The flush (the last write) may come sooner; every other write waits its turn.
    const gaps = writes.slice(1, -1).map((w, i) => w.at - (writes[i]?.at ?? 0));
    expect(gaps.length).toBeGreaterThan(1);
    expect(gaps.every((g) => g >= PROGRESS_INTERVAL_MS)).toBe(true);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil((40 * 20) / PROGRESS_INTERVAL_MS) + 2);
    expect(writes.at(-1)).toMatchObject({ done: 40, partial: 40 });
    for (const w of writes) expect(w.partial).toBe(w.done);
  });

  it('writes nothing after stop', async () => {
    const progress = vi.fn(async () => undefined);
    const saver = new ProgressSaver({ progress }, 'run-2');
    await saver.stop();
    saver.add(1, 2, result(1));
    await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS * 2);
    expect(progress).not.toHaveBeenCalled();
  });
});
