import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SlidingWindowLimiter, WINDOW_MS } from './rate-limit.js';

describe('SlidingWindowLimiter', () => {
  it('allows up to the limit within a minute, then tells when to retry', () => {
    const l = new SlidingWindowLimiter();
    const t0 = 1_000_000;
    expect(l.hit('k', 2, t0)).toEqual({ allowed: true });
    expect(l.hit('k', 2, t0 + 10_000)).toEqual({ allowed: true });
    expect(l.hit('k', 2, t0 + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(l.hit('k', 2, t0 + WINDOW_MS)).toEqual({ allowed: true });
    expect(l.hit('k', 2, t0 + WINDOW_MS + 1)).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('treats 0 as unlimited and keeps keys apart', () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 1000; i++) expect(l.hit('free', 0, i).allowed).toBe(true);
    expect(l.hit('a', 1, 0).allowed).toBe(true);
    expect(l.hit('b', 1, 0).allowed).toBe(true);
    expect(l.hit('a', 1, 1).allowed).toBe(false);
  });

  it('never accepts more than `limit` calls in any 60 s window (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 60 }),
        (limit, gaps) => {
          const l = new SlidingWindowLimiter();
          let t = 0;
          const accepted: number[] = [];
          for (const gap of gaps) {
            t += gap * 20;
            if (l.hit('k', limit, t).allowed) accepted.push(t);
          }
          for (const start of accepted) {
            const inWindow = accepted.filter((x) => x >= start && x < start + WINDOW_MS).length;
            if (inWindow > limit) return false;
          }
          return true;
        },
      ),
    );
  });
});
