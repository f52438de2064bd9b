/**
 * A batch of polls, as the monitor's job runs it on the slugs it claimed: each
 * endpoint is loaded and polled (at most `concurrency` at a time), and all the
 * samples are recorded in one store call, which moves the states and opens or
 * closes incidents. An endpoint that answered and whose usage is due is
 * sampled for usage too, after the batch's polls in the queue, so that usage
 * never holds back the poll record; the batch's usage samples are recorded in
 * one more store call (batch-usage.ts).
 */
import type { PollSample, RecordedPolls, Store } from '@o311/store';
import { batchUsage } from './batch-usage.js';
import { createLimiter } from './limiter.js';
import type { PollOptions } from './poll-options.js';
import { targetOf } from './poll-target.js';
import { pollEndpoint, refusedSample } from './poll.js';

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
 * Polls the endpoints of `slugs` (unknown ones are skipped), records the
 * samples, then the usage sampled meanwhile; rejects only when the store
 * fails to load an endpoint or to record the polls.
 */
export async function pollBatch(slugs: readonly string[], deps: BatchDeps): Promise<RecordedPolls> {
  const limit = createLimiter(deps.concurrency ?? DEFAULT_BATCH_CONCURRENCY);
  const local = deps.localBaseUrl === undefined ? undefined : { baseUrl: deps.localBaseUrl };
  const unique = [...new Set(slugs)];
  const usage = batchUsage(unique, deps, deps.usageEveryMs ?? DEFAULT_USAGE_EVERY_MS, limit);

  const pollOne = async (slug: string): Promise<PollSample | undefined> => {
    const endpoint = await deps.store.getEndpoint(slug);
    if (endpoint === undefined) return undefined;
    const target = targetOf(endpoint, local);
    if ('refused' in target) return refusedSample(slug, deps.options.now(), target.refused);
    const sample = await pollEndpoint(target, deps.options);
    if (sample.ok) usage.add(target);
    return sample;
  };

  try {
    const polled = await Promise.allSettled(unique.map((slug) => limit(() => pollOne(slug))));
    const samples: PollSample[] = [];
    for (const p of polled) {
      if (p.status === 'rejected') throw p.reason;
      if (p.value !== undefined) samples.push(p.value);
    }
    return await deps.store.monitor.recordPolls(samples, { failuresToOpen: deps.failuresToOpen });
  } finally {
    await usage.record();
  }
}
