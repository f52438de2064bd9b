/** When a dashboard source is harvested next, from a run's outcome (server/src/dashboard/harvest-options.ts). */
import { describe, expect, it } from 'vitest';
import { HARVEST_INTERVAL_MS, MAX_HARVEST_BACKOFF_MS, nextHarvestAt, type RunResult } from '../src/dashboard/harvest-options.js';

const NOW = 1_000_000_000;
const fine = { last_error: null, last_run_at: NOW - HARVEST_INTERVAL_MS, next_run_at: NOW };
const run = (over: Partial<RunResult>): RunResult => ({ now: NOW, caughtUp: true, failed: false, retryAfterMs: null, previous: fine, ...over });

describe('nextHarvestAt', () => {
  it('an interval on when caught up; at the next tick when the budget ran out', () => {
    expect(nextHarvestAt(run({}))).toBe(NOW + HARVEST_INTERVAL_MS);
    expect(nextHarvestAt(run({ caughtUp: false }))).toBe(NOW);
    expect(nextHarvestAt(run({}), 60_000)).toBe(NOW + 60_000);
  });

  it('failures in a row double the wait, up to a day', () => {
    let previous: RunResult['previous'] = fine;
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const now = previous.next_run_at;
      const next = nextHarvestAt(run({ now, caughtUp: false, failed: true, previous }));
      waits.push(next - now);
      previous = { last_error: 'down', last_run_at: now, next_run_at: next };
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8].map((k) => k * HARVEST_INTERVAL_MS));
    expect(Math.max(...waits)).toBe(MAX_HARVEST_BACKOFF_MS);
    // A success ends the back-off.
    expect(nextHarvestAt(run({ now: previous.next_run_at, previous }))).toBe(previous.next_run_at + HARVEST_INTERVAL_MS);
  });

  it('never before a Retry-After', () => {
    expect(nextHarvestAt(run({ failed: true, caughtUp: false, retryAfterMs: 3 * 3600_000 }))).toBe(NOW + 3 * 3600_000);
    expect(nextHarvestAt(run({ failed: true, caughtUp: false, retryAfterMs: 1000 }))).toBe(NOW + HARVEST_INTERVAL_MS);
  });
});
