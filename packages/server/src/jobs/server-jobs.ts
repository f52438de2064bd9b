/**
 * The server's own jobs and their schedules: pruning the shared rate-limit
 * counters, and the sandbox's daily reset. Each process runs the handlers; the
 * queue fires each schedule once per tick across all processes.
 */
import type { ServiceContext } from '../services/context.js';
import { resetSandbox } from '../sandbox/reset.js';
import { JOB, SCHEDULE } from './job-names.js';

interface SandboxResetData {
  jurisdictionId: string;
}

export async function registerServerJobs(ctx: ServiceContext): Promise<void> {
  const { jobs } = ctx;
  await jobs.work(JOB.rateLimitsPrune, async () => {
    await ctx.postLimits.prune(ctx.now());
  });
  // A missed prune is made up by the next tick.
  await jobs.schedule(JOB.rateLimitsPrune, SCHEDULE[JOB.rateLimitsPrune], {}, { retryLimit: 0 });

  if (!ctx.sandbox) {
    // A server started without a sandbox: nothing would run the jobs of an earlier start's schedule.
    await jobs.unschedule(JOB.sandboxReset);
    return;
  }
  await jobs.work<SandboxResetData>(JOB.sandboxReset, async (job) => {
    await resetSandbox(ctx.store, job.data.jurisdictionId);
  });
  const data: SandboxResetData = { jurisdictionId: ctx.sandbox.jurisdictionId };
  await jobs.schedule(JOB.sandboxReset, SCHEDULE[JOB.sandboxReset], data, { retryLimit: 3, retryDelayMs: 60_000 });
}
