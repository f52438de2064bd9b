/**
 * The server's own jobs and their schedules: pruning the shared rate-limit
 * counters, the idempotency keys, the request change feed and developers' key requests, and the sandbox's daily reset. Each process runs the handlers; the
 * queue fires each schedule once per tick across all processes. Schedules are
 * shared too, so no process removes one because of its own flags.
 */
import type { ServiceContext } from '../services/context.js';
import { pruneIdempotencyKeys } from '../services/requests.js';
import { pruneKeyRequests } from '../services/key-requests.js';
import { resetSandbox } from '../sandbox/reset.js';
import { SANDBOX_ID } from '../sandbox/sandbox.js';
import { JOB, SCHEDULE } from './job-names.js';

/** Request changes stay this long at least, once every consumer of the feed has passed them. */
const CHANGES_KEPT_MS = 7 * 24 * 3_600_000;

interface SandboxResetData {
  jurisdictionId: string;
}

/**
 * Mail is kept a month after it left (or was queued and never left): long enough
 * to answer "did you send it?", not forever, as it holds addresses and links.
 */
export const OUTBOX_KEPT_MS = 30 * 24 * 3_600_000;

export async function registerServerJobs(ctx: ServiceContext): Promise<void> {
  const { jobs } = ctx;
  await jobs.work(JOB.rateLimitsPrune, async () => {
    await ctx.postLimits.prune(ctx.now());
  });
  // A missed prune is made up by the next tick.
  await jobs.schedule(JOB.rateLimitsPrune, SCHEDULE[JOB.rateLimitsPrune], {}, { retryLimit: 0 });

  await jobs.work(JOB.changesPrune, async () => {
    await ctx.store.changes.prune(ctx.now() - CHANGES_KEPT_MS);
  });
  await jobs.schedule(JOB.changesPrune, SCHEDULE[JOB.changesPrune], {}, { retryLimit: 0 });

  await jobs.work(JOB.idempotencyKeysPrune, async () => {
    await pruneIdempotencyKeys(ctx);
  });
  await jobs.schedule(JOB.idempotencyKeysPrune, SCHEDULE[JOB.idempotencyKeysPrune], {}, { retryLimit: 0 });

  await jobs.work(JOB.outboxPrune, async () => {
    await ctx.store.pruneOutbox(ctx.now() - OUTBOX_KEPT_MS);
  });
  await jobs.schedule(JOB.outboxPrune, SCHEDULE[JOB.outboxPrune], {}, { retryLimit: 0 });

  await jobs.work(JOB.keyRequestsPrune, async () => {
    await pruneKeyRequests(ctx);
  });
  await jobs.schedule(JOB.keyRequestsPrune, SCHEDULE[JOB.keyRequestsPrune], {}, { retryLimit: 0 });

  // Every process can reset the sandbox (the reset reads and writes the database only), so the daily
  // tick runs wherever it is claimed, whichever processes serve the sandbox.
  await jobs.work<SandboxResetData>(JOB.sandboxReset, async (job) => {
    await resetSandbox(ctx.store, job.data.jurisdictionId);
  });
  if (ctx.sandbox) {
    const data: SandboxResetData = { jurisdictionId: ctx.sandbox.jurisdictionId };
    await jobs.schedule(JOB.sandboxReset, SCHEDULE[JOB.sandboxReset], data, { retryLimit: 3, retryDelayMs: 60_000 });
  } else if (!(await ctx.store.getJurisdiction(SANDBOX_ID))) {
    // Decided by the database, not by this process's flags: a process started with --no-sandbox
    // leaves the schedule of another one that serves the sandbox in place.
    await jobs.unschedule(JOB.sandboxReset);
  }
}
