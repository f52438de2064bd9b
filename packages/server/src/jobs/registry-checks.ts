/**
 * The registry's "Check now": a `registry.check` job per endpoint, run by any
 * process, so saving an endpoint or pressing the button never waits on the
 * network. The summary lands on the endpoint (store.recordEndpointCheck).
 */
import { checkEndpoint } from '@o311/discovery';
import type { ServiceContext } from '../services/context.js';
import { JOB, registryCheckOptions, type RegistryCheckData } from './job-names.js';

export interface RegistryCheckSettings {
  /** Probe private and loopback addresses (an explicit flag of the server: `--allow-private-endpoints`). */
  allowPrivate: boolean;
  /** Per HTTP call of the validator. */
  timeoutMs?: number;
}

export async function registerRegistryChecks(ctx: Pick<ServiceContext, 'jobs' | 'store' | 'now'>, settings: RegistryCheckSettings): Promise<void> {
  await ctx.jobs.work<RegistryCheckData>(JOB.registryCheck, async (job) => {
    const endpoint = await ctx.store.getEndpoint(job.data.slug);
    // Deleted since: nothing to check.
    if (!endpoint) return;
    const check = await checkEndpoint(endpoint, { ...settings, now: ctx.now });
    await ctx.store.recordEndpointCheck(endpoint.slug, check);
  });
}

/** Queues a check of the endpoint; the job id, or undefined when one is already pending. */
export async function queueRegistryCheck(ctx: Pick<ServiceContext, 'jobs'>, slug: string): Promise<string | undefined> {
  const data: RegistryCheckData = { slug };
  return ctx.jobs.enqueue(JOB.registryCheck, data, registryCheckOptions(data));
}
