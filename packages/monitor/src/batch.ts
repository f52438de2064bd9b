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
 * Samples usage when the last sample is old enough. Failures are left for the
 * next batch (the last sample stays old), store errors included: usage must
 * never fail the polls' job.
 */
async function sampleUsageIfDue(target: PollTarget, deps: BatchDeps): Promise<void> {
  try {
    const latest = await deps.store.monitor.latestUsage(target.slug);
    if (latest !== undefined && deps.options.now() - latest.at < (deps.usageEveryMs ?? DEFAULT_USAGE_EVERY_MS)) return;
    const usage = await sampleUsage(target, deps.options);
    if (!('failed' in usage)) await deps.store.monitor.recordUsage(usage);
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
