/**
 * A batch of polls, as the monitor's job runs it on the slugs it claimed: each
 * endpoint is loaded and polled (at most `concurrency` at a time), and all the
 * samples are recorded in one store call, which moves the states and opens or
 * closes incidents. An endpoint that answered and whose last usage sample is
 * older than `usageEveryMs` is sampled for usage too, after the batch's polls
 * in the queue, so that usage never holds back the poll record.
 */
import type { PollSample, RecordedPolls, Store } from '@o311/store';
import { createLimiter } from './limiter.js';
import type { PollOptions } from './poll-options.js';
import { targetOf, type PollTarget } from './poll-target.js';
import { pollEndpoint, refusedSample } from './poll.js';
import { sampleUsage } from './usage.js';

export const DEFAULT_BATCH_CONCURRENCY = 50;
export const DEFAULT_USAGE_EVERY_MS = 60 * 60 * 1000;

export interface BatchDeps {
  store: Pick<Store, 'getEndpoint' | 'monitor'>;
  options: PollOptions;
  /** Where this server serves its local endpoints (GeoReport base URL): they are polled there. */
  localBaseUrl?: string;
  /** Polls at once; default DEFAULT_BATCH_CONCURRENCY. */
  concurrency?: number;
  failuresToOpen: number;
  /** How often an endpoint's usage is sampled; default DEFAULT_USAGE_EVERY_MS. */
  usageEveryMs?: number;
}

/**
 * When a target's usage sample last failed (the store keeps only samples that
 * worked): it is not asked again within usageEveryMs, so that an endpoint
 * that refuses request lists costs no extra calls at every poll. Bounded; in
 * this process only (another process may ask once more).
 */
const usageFailures = new Map<string, number>();
const MAX_USAGE_FAILURES = 10_000;

/**
 * Samples usage when the last sample is old enough. Store errors are left for
 * the next batch (the last sample stays old): usage must never fail the polls' job.
 */
async function sampleUsageIfDue(target: PollTarget, deps: BatchDeps): Promise<void> {
  const every = deps.usageEveryMs ?? DEFAULT_USAGE_EVERY_MS;
  const key = `${target.slug} ${target.url}`;
  try {
    const failedAt = usageFailures.get(key);
    if (failedAt !== undefined && deps.options.now() - failedAt < every) return;
    const latest = await deps.store.monitor.latestUsage(target.slug);
    if (latest !== undefined && deps.options.now() - latest.at < every) return;
    const usage = await sampleUsage(target, deps.options);
    usageFailures.delete(key);
    if (!('failed' in usage)) {
      await deps.store.monitor.recordUsage(usage);
      return;
    }
    usageFailures.set(key, deps.options.now());
    if (usageFailures.size > MAX_USAGE_FAILURES) usageFailures.delete(usageFailures.keys().next().value!);
  } catch {
    // Left for the next batch.
  }
}

/** Polls the endpoints of `slugs` (unknown ones are skipped) and records the samples; rejects only when the store does. */
export async function pollBatch(slugs: readonly string[], deps: BatchDeps): Promise<RecordedPolls> {
  const limit = createLimiter(deps.concurrency ?? DEFAULT_BATCH_CONCURRENCY);
  const local = deps.localBaseUrl === undefined ? undefined : { baseUrl: deps.localBaseUrl };
  const usage: Promise<void>[] = [];

  const pollOne = async (slug: string): Promise<PollSample | undefined> => {
    const endpoint = await deps.store.getEndpoint(slug);
    if (endpoint === undefined) return undefined;
    const target = targetOf(endpoint, local);
    if ('refused' in target) return refusedSample(slug, deps.options.now(), target.refused);
    const sample = await pollEndpoint(target, deps.options);
    if (sample.ok) usage.push(limit(() => sampleUsageIfDue(target, deps)));
    return sample;
  };

  try {
    const polled = await Promise.allSettled([...new Set(slugs)].map((slug) => limit(() => pollOne(slug))));
    const samples: PollSample[] = [];
    for (const p of polled) {
      if (p.status === 'rejected') throw p.reason;
      if (p.value !== undefined) samples.push(p.value);
    }
    return await deps.store.monitor.recordPolls(samples, { failuresToOpen: deps.failuresToOpen });
  } finally {
    await Promise.allSettled(usage);
  }
}
