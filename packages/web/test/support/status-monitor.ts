/**
 * A monitored registry for the status page tests, seeded straight into
 * `store.monitor` as the monitor's jobs would: an endpoint that was down for
 * a while and came back (one closed incident), one down now (one open
 * incident), one never polled, and a retired one (no target). The figures the
 * pages must show are computed here from the seeded samples.
 */
import { DEFAULT_FAILURES_TO_OPEN, bucketOf, percentile, rollUpOptions } from '@o311/monitor';
import type { NewEndpoint, PollSample, ScoreSample, Store, UsageSample } from '@o311/store';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const endpoint = (e: Partial<NewEndpoint> & Pick<NewEndpoint, 'slug' | 'name' | 'tier'>): NewEndpoint => ({
  country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false, formats: ['json', 'xml'],
  api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '', ...e,
});

/** Private data the public pages and JSON must never show. */
export const PRIVATE = { email: 'ops-secret@alpha.example', webhook: 'https://hooks.alpha.example/private-hook-path' };

export const ENDPOINTS = {
  alpha: endpoint({ slug: 'alpha', name: 'Alpha City 311', tier: 'city', country: 'US', base_url: 'https://alpha.example/open311/v2/', contact_email: PRIVATE.email }),
  beta: endpoint({ slug: 'beta', name: 'Beta Département', tier: 'region', country: 'FR', base_url: 'https://beta.example/v2/' }),
  gamma: endpoint({ slug: 'gamma', name: 'Gamma State', tier: 'state', country: 'US', base_url: 'https://gamma.example/v2/' }),
  retired: endpoint({ slug: 'old-omega', name: 'Omega old system', tier: 'city', country: 'US', status: 'retired' }),
} as const;

const ok = (slug: string, at: number, latency: number): PollSample => ({
  slug, at, ok: true, http_status: 200, latency_ms: latency, error_kind: null, error: null, services: 12,
});
const failed = (slug: string, at: number): PollSample => ({
  slug, at, ok: false, http_status: 503, latency_ms: 80, error_kind: 'http', error: 'HTTP 503 Service Unavailable', services: null,
});

/** Alpha: a poll every 2 hours over 60 hours, the 10th to 14th failing (an incident that closed). */
function alphaPolls(now: number): PollSample[] {
  return Array.from({ length: 30 }, (_, i) => {
    const at = now - 60 * HOUR + i * 2 * HOUR + 60_000;
    return i >= 10 && i < 15 ? failed('alpha', at) : ok('alpha', at, 100 + ((i * 37) % 400));
  });
}

/** Beta: four good polls, then failing ever since (an incident still open). */
function betaPolls(now: number): PollSample[] {
  return Array.from({ length: 10 }, (_, i) => {
    const at = now - 10 * HOUR + i * HOUR + 60_000;
    return i < 4 ? ok('beta', at, 900 + i * 10) : failed('beta', at);
  });
}

export interface SeededStatus {
  now: number;
  polls: Record<'alpha' | 'beta', PollSample[]>;
  usage: UsageSample[];
  scores: ScoreSample[];
}

export async function seedStatus(store: Store, now: number): Promise<SeededStatus> {
  for (const e of Object.values(ENDPOINTS)) await store.saveEndpoint(e, now - 90 * DAY);
  await store.monitor.syncTargets(now - 61 * HOUR);
  const alpha = await store.monitor.getTarget('alpha');
  if (!alpha) throw new Error('syncTargets gave alpha no target');
  await store.monitor.saveSettings('alpha', { ...alpha, webhook_url: PRIVATE.webhook, webhook_secret_sealed: 'sealed-secret-text' }, now - 61 * HOUR);
  const polls = { alpha: alphaPolls(now), beta: betaPolls(now) };
  const all = [...polls.alpha, ...polls.beta].sort((a, b) => a.at - b.at);
  for (const s of all) await store.monitor.recordPolls([s], { failuresToOpen: DEFAULT_FAILURES_TO_OPEN });
  await store.monitor.rollUp(now, rollUpOptions());

  const usage: UsageSample[] = [
    { slug: 'alpha', at: now - 2 * DAY, services: 11, sampled: 50, with_location: 0.5, with_address: 0.5, with_updated: 1, with_media: 0, with_status_notes: 0.2,
      requests_7d: 35, requests_30d: 120, capped: false, open: 10, closed: 40, newest_at: now - 3 * DAY },
    { slug: 'alpha', at: now - HOUR, services: 12, sampled: 80, with_location: 0.9, with_address: 0.75, with_updated: 1, with_media: 0.125, with_status_notes: 0.4,
      requests_7d: 70, requests_30d: 300, capped: false, open: 12, closed: 68, newest_at: now - 5 * HOUR },
    { slug: 'beta', at: now - 3 * HOUR, services: 4, sampled: 1000, with_location: 1, with_address: null, with_updated: 0.5, with_media: 0, with_status_notes: 0,
      requests_7d: 1000, requests_30d: 1000, capped: true, open: 600, closed: 400, newest_at: now - 4 * HOUR },
  ];
  await store.monitor.recordUsage(usage);
  const score = (at: number, value: number, run_id: string | null): ScoreSample => ({
    slug: 'alpha', at, score: value, errors: value < 80 ? 2 : 0, warnings: 3, passed: 40, failed: value < 80 ? 2 : 0, skipped: 5, run_id,
  });
  const scores = [score(now - 2 * DAY, 92, null), score(now - 2 * HOUR, 75, 'run-alpha-2')];
  for (const s of scores) await store.monitor.recordScore(s, { dropBy: 10 });
  return { now, polls, usage, scores };
}

/** Ups / polls of samples. */
export const uptimeOf = (samples: readonly PollSample[]): number => samples.filter((s) => s.ok).length / samples.length;

/** p50 or p95 of the successful polls' latencies, as the hourly histograms give them. */
export function latencyOf(samples: readonly PollSample[], q: number): number | null {
  const histogram = new Array<number>(rollUpOptions().buckets).fill(0);
  for (const s of samples) if (s.ok && s.latency_ms !== null) histogram[bucketOf(s.latency_ms)]! += 1;
  return percentile(histogram, q);
}

/** The samples of each UTC day, by day start. */
export function byDay(samples: readonly PollSample[]): Map<number, PollSample[]> {
  const days = new Map<number, PollSample[]>();
  for (const s of samples) {
    const day = Math.floor(s.at / DAY) * DAY;
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return days;
}
