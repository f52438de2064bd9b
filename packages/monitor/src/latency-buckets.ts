/**
 * The latency histogram of the hourly rollups: log-spaced buckets from 5 ms to
 * 60 s, so that a percentile read back from a summed histogram is within one
 * bucket (about ±12 %) of the true value at any scale, in a few dozen numbers.
 */

const LOW_MS = 5;
const HIGH_MS = 60_000;
/** Log-spaced buckets between LOW_MS and HIGH_MS. */
const SPACED = 42;
const RATIO = (HIGH_MS / LOW_MS) ** (1 / SPACED);

/** Buckets in a histogram: one under 5 ms, 42 log-spaced up to 60 s, one from 60 s on. */
export const LATENCY_BUCKETS = SPACED + 2;

/** Lower edge of bucket i (1..SPACED+1); bucket 0 starts at 0. */
const lowerEdge = (i: number): number => LOW_MS * RATIO ** (i - 1);

/** The bucket of a latency in ms, 0..LATENCY_BUCKETS-1 (a negative or NaN latency counts as the fastest). */
export function bucketOf(ms: number): number {
  if (!(ms >= LOW_MS)) return 0;
  if (ms >= HIGH_MS) return LATENCY_BUCKETS - 1;
  const i = 1 + Math.floor(Math.log(ms / LOW_MS) / Math.log(RATIO));
  // Rounding at an exact edge may land one off; the edges decide.
  if (ms < lowerEdge(i)) return i - 1;
  return Math.min(i, SPACED);
}

/** What a bucket stands for, ms: the geometric middle of its edges (half of 5 ms for the first, 60 s for the last). */
export function bucketValue(i: number): number {
  if (i <= 0) return LOW_MS / 2;
  if (i >= LATENCY_BUCKETS - 1) return HIGH_MS;
  return Math.sqrt(lowerEdge(i) * lowerEdge(i + 1));
}

/** The edges of bucket i, ms: [from, to). */
export function bucketRange(i: number): { from: number; to: number } {
  if (i <= 0) return { from: 0, to: LOW_MS };
  if (i >= LATENCY_BUCKETS - 1) return { from: HIGH_MS, to: Infinity };
  return { from: lowerEdge(i), to: lowerEdge(i + 1) };
}

/**
 * The latency at quantile q (0..1) of a histogram of counts per bucket: the
 * value of the bucket holding the ceil(q·n)-th fastest poll; null when empty.
 */
export function percentile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + (n > 0 ? n : 0), 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * total));
  let seen = 0;
  for (const [i, n] of histogram.entries()) {
    seen += n > 0 ? n : 0;
    if (seen >= rank) return bucketValue(i);
  }
  return bucketValue(histogram.length - 1);
}
