/** The monitor's rules of thumb: when an incident opens, what counts as a score drop, how long figures are kept. */
import type { RollUpOptions } from '@o311/store';
import { bucketOf, LATENCY_BUCKETS, percentile } from './latency-buckets.js';

/** Failed polls in a row that open an incident (one failure is often a blip). */
export const DEFAULT_FAILURES_TO_OPEN = 3;
/** Points a daily conformance score must fall by for a score-drop alert. */
export const DEFAULT_SCORE_DROP = 10;
/** Raw samples are kept this many days, hourly rollups (and usage samples, scores) this many. */
export const RAW_DAYS = 7;
export const HOURLY_DAYS = 90;

/** What store.monitor.rollUp needs: the retention above and the latency histogram. */
export function rollUpOptions(): RollUpOptions {
  return { rawDays: RAW_DAYS, hourlyDays: HOURLY_DAYS, bucketOf, buckets: LATENCY_BUCKETS, percentile };
}
