/** Performance (open311status records latency; digest §14): per-call time, percentiles, compression. */
import { skip, pass, type Check } from '../check.js';
import { answeredCalls, callRule } from './support/calls.js';

const REF = 'digest §14 (open311status: latency)';
/** perf-response-time fails a call that takes longer than this (ms). */
export const SLOW_MS = 2000;
const LARGE_BYTES = 32 * 1024;
const COMPRESSIONS = ['gzip', 'br', 'deflate'];

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

export const performanceChecks: readonly Check[] = [
  /** Every call answers within 2 s. */
  {
    id: 'perf-response-time',
    title: 'Every call answers within 2 s',
    specRef: REF,
    severity: 'warning',
    fix: 'Make the slow calls answer within 2 seconds (indexes, paging, caching).',
    run: callRule({
      what: 'answers',
      applies: () => true,
      rule: (a) => (a.exchange.elapsedMs > SLOW_MS ? `took ${Math.round(a.exchange.elapsedMs)} ms` : null),
      passMessage: `all within ${SLOW_MS} ms`,
    }),
  },
  /** Reports p50/p95/max response time over the run's calls. */
  {
    id: 'perf-latency',
    title: 'Response time p50/p95',
    specRef: REF,
    severity: 'info',
    fix: "Reduce the server's response time if the median or the 95th percentile is high.",
    async run(ctx) {
      const times = (await answeredCalls(ctx)).map((a) => a.exchange.elapsedMs).sort((a, b) => a - b);
      if (times.length === 0) return skip('no answered calls');
      const ms = (n: number): string => `${Math.round(n)} ms`;
      return pass(`${times.length} calls: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times[times.length - 1] ?? 0)}`);
    },
  },
  /** Answers over 32 KiB come compressed (the client asks for gzip, deflate, br). */
  {
    id: 'perf-compression',
    title: 'Large answers are compressed',
    specRef: REF,
    severity: 'info',
    fix: 'Compress large answers with gzip when the client accepts it.',
    run: callRule({
      what: `answers over ${LARGE_BYTES / 1024} KiB`,
      applies: (a) => a.exchange.response.size > LARGE_BYTES && a.exchange.response.status < 300,
      rule: (a) => {
        const encoding = a.exchange.response.headers['content-encoding']?.toLowerCase() ?? '';
        return COMPRESSIONS.some((c) => encoding.includes(c)) ? null : `${a.exchange.response.size} bytes sent uncompressed`;
      },
      passMessage: 'all compressed',
    }),
  },
];
