/** The latency histogram: buckets cover 0..∞ in order, and percentiles read back within one bucket of the truth. */
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketRange, bucketValue, LATENCY_BUCKETS, percentile } from './latency-buckets.js';

const histogramOf = (latencies: readonly number[]): number[] => {
  const h = new Array<number>(LATENCY_BUCKETS).fill(0);
  for (const ms of latencies) h[bucketOf(ms)]!++;
  return h;
};

/** The exact quantile: the ceil(q·n)-th smallest, as percentile() defines it. */
const exact = (sorted: readonly number[], q: number): number => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;

describe('latency buckets', () => {
  it('are contiguous, log-spaced from 5 ms to 60 s, and each latency falls in the bucket whose range holds it', () => {
    expect(bucketRange(0)).toEqual({ from: 0, to: 5 });
    expect(bucketRange(LATENCY_BUCKETS - 1)).toEqual({ from: 60_000, to: Infinity });
    for (let i = 1; i < LATENCY_BUCKETS; i++) expect(bucketRange(i).from).toBeCloseTo(bucketRange(i - 1).to, 9);
    for (const ms of [0, 1, 4.99, 5, 5.01, 7, 50, 99.9, 100, 1000, 2000, 19_999, 59_999, 60_000, 3_600_000]) {
      const { from, to } = bucketRange(bucketOf(ms));
      expect(ms >= from - 1e-9 && ms < to + 1e-9, `${ms} ms in [${from}, ${to})`).toBe(true);
    }
    // Each log-spaced bucket is at most 26 % wider at its top than its bottom.
    for (let i = 1; i < LATENCY_BUCKETS - 1; i++) expect(bucketRange(i).to / bucketRange(i).from).toBeLessThan(1.26);
  });

  it('put nonsense latencies (negative, NaN) in the first bucket and huge ones in the last', () => {
    expect(bucketOf(-3)).toBe(0);
    expect(bucketOf(Number.NaN)).toBe(0);
    expect(bucketOf(Number.POSITIVE_INFINITY)).toBe(LATENCY_BUCKETS - 1);
  });

  it('give percentiles within the bucket of the exact value, for spread-out latencies', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    // Log-uniform from 10 ms to 20 s, like a fleet of endpoints.
    const latencies = Array.from({ length: 5000 }, () => 10 * 2000 ** random());
    const sorted = [...latencies].sort((a, b) => a - b);
    const h = histogramOf(latencies);
    for (const q of [0.01, 0.5, 0.9, 0.95, 0.99, 1]) {
      const truth = exact(sorted, q);
      const { from, to } = bucketRange(bucketOf(truth));
      const read = percentile(h, q)!;
      expect(read, `q=${q}: ${read} vs ${truth}`).toBeGreaterThanOrEqual(from);
      expect(read).toBeLessThan(to);
      expect(Math.abs(read - truth) / truth).toBeLessThan(0.13);
    }
  });

  it('read a summed histogram (two hours rolled together) as the polls of both', () => {
    const a = histogramOf([20, 20, 20, 20]);
    const b = histogramOf([900, 900, 900, 900, 900, 900]);
    const sum = a.map((n, i) => n + b[i]!);
    expect(percentile(sum, 0.4)).toBe(bucketValue(bucketOf(20)));
    expect(percentile(sum, 0.41)).toBe(bucketValue(bucketOf(900)));
  });

  it('has no percentile of an empty histogram, and clamps q', () => {
    expect(percentile(new Array<number>(LATENCY_BUCKETS).fill(0), 0.5)).toBeNull();
    expect(percentile([], 0.5)).toBeNull();
    const h = histogramOf([3, 70_000]);
    expect(percentile(h, -1)).toBe(bucketValue(0));
    expect(percentile(h, 2)).toBe(60_000);
  });
});
