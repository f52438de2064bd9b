/**
 * The usage samples of one poll batch (batch.ts). Which endpoints are due is
 * asked of the store once for the whole batch, each endpoint that answered is
 * sampled when due (queued behind the batch's polls), and the samples are
 * recorded in one store call once they have all settled: on SQLite each store
 * write is a synchronous commit that the API waits behind.
 */
import type { MonitorStore, UsageSample } from '@o311/store';
import type { Limiter } from './limiter.js';
import type { PollOptions } from './poll-options.js';
import type { PollTarget } from './poll-target.js';
import { sampleUsage } from './usage.js';

export interface UsageDeps {
  store: { monitor: Pick<MonitorStore, 'usageDue' | 'recordUsage'> };
  options: PollOptions;
}

export interface BatchUsage {
  /** Samples `target`'s usage if it is due, through the batch's limiter. */
  add(target: PollTarget): void;
  /** Waits for the samples added so far and records them together. Never rejects. */
  record(): Promise<void>;
}

/**
 * When a target's usage sample last failed (the store keeps only samples that
 * worked): it is not asked again within `everyMs`, so that an endpoint that
 * refuses request lists costs no extra calls at every poll. Bounded; in this
 * process only (another process may ask once more).
 */
const usageFailures = new Map<string, number>();
const MAX_USAGE_FAILURES = 10_000;

/** The sample, or undefined when it failed (remembered) or failed within `everyMs`. */
async function sampleUnlessFailedRecently(target: PollTarget, options: PollOptions, everyMs: number): Promise<UsageSample | undefined> {
  const key = `${target.slug} ${target.url}`;
  const failedAt = usageFailures.get(key);
  if (failedAt !== undefined && options.now() - failedAt < everyMs) return undefined;
  const usage = await sampleUsage(target, options);
  usageFailures.delete(key);
  if (!('failed' in usage)) return usage;
  usageFailures.set(key, options.now());
  if (usageFailures.size > MAX_USAGE_FAILURES) usageFailures.delete(usageFailures.keys().next().value!);
  return undefined;
}

/**
 * Usage of the endpoints of `slugs`, each sampled at most every `everyMs`.
 * Store errors are left for the next batch (the last sample stays old):
 * usage must never fail the polls' job.
 */
export function batchUsage(slugs: readonly string[], deps: UsageDeps, everyMs: number, limit: Limiter): BatchUsage {
  // Asked when the first endpoint answers: a batch where none does costs no query.
  let due: Promise<ReadonlySet<string>> | undefined;
  const dueSlugs = (): Promise<ReadonlySet<string>> =>
    (due ??= deps.store.monitor.usageDue(slugs, deps.options.now() - everyMs).then((list) => new Set(list), () => new Set()));
  const pending: Promise<UsageSample | undefined>[] = [];

  return {
    add(target) {
      const sampled = async (): Promise<UsageSample | undefined> =>
        (await dueSlugs()).has(target.slug) ? limit(() => sampleUnlessFailedRecently(target, deps.options, everyMs)) : undefined;
      pending.push(sampled().catch(() => undefined));
    },
    async record() {
      const samples = (await Promise.all(pending)).filter((u): u is UsageSample => u !== undefined);
      if (samples.length === 0) return;
      try {
        await deps.store.monitor.recordUsage(samples);
      } catch {
        // Left for the next batch.
      }
    },
  };
}
