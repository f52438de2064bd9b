import { describe, expect, it } from 'vitest';
import { retryWaitMs } from './backoff.js';

describe('retryWaitMs', () => {
  it('doubles the delay per attempt, plus up to as much again at random', () => {
    const options = { retryDelayMs: 1000, backoff: true };
    expect([1, 2, 3, 4].map((n) => retryWaitMs(n, options, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3].map((n) => retryWaitMs(n, options, () => 0.5))).toEqual([1500, 3000, 6000]);
  });

  it('stops doubling after 16 attempts, as pg-boss does', () => {
    const options = { retryDelayMs: 1, backoff: true };
    expect(retryWaitMs(17, options, () => 0)).toBe(2 ** 16);
    expect(retryWaitMs(100, options, () => 0)).toBe(2 ** 16);
  });

  it('waits exactly the delay without back-off', () => {
    expect(retryWaitMs(5, { retryDelayMs: 250, backoff: false }, () => 0.9)).toBe(250);
  });
});
