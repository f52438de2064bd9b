/**
 * The monitor's minute: every registry endpoint gets a target, then the due
 * targets are claimed in chunks and each chunk becomes a `monitor.poll` job,
 * which any monitor process may run. Claiming moves a target's next poll
 * time, so two processes never poll one target for the same turn; a chunk
 * whose job could not be queued waits one interval. The chunks' jobs start
 * spread over the minute rather than all at once, so a thousand polls never
 * land on the API in the same second.
 */
import { JOB, monitorPollOptions, type MonitorPollData } from '../jobs/job-names.js';
import type { MonitorServices } from './monitor-runtime.js';

/** Targets per `monitor.poll` job. */
export const POLL_CHUNK = 50;
/** Most chunks one tick hands out (5,000 polls a minute); the rest stay due for the next tick. */
export const MAX_CHUNKS_PER_TICK = 100;
/** The chunks of one tick start within this time of it (the tick is every minute). */
export const SPREAD_MS = 50_000;

/** The number of targets queued for polling. */
export async function monitorTick(ctx: Pick<MonitorServices, 'store' | 'jobs' | 'now'>): Promise<number> {
  const now = ctx.now();
  await ctx.store.monitor.syncTargets(now);
  const chunks: string[][] = [];
  while (chunks.length < MAX_CHUNKS_PER_TICK) {
    const slugs = await ctx.store.monitor.claimDue(now, POLL_CHUNK);
    if (slugs.length === 0) break;
    chunks.push(slugs);
    if (slugs.length < POLL_CHUNK) break;
  }
  let queued = 0;
  for (const [i, slugs] of chunks.entries()) {
    const data: MonitorPollData = { slugs };
    await ctx.jobs.enqueue(JOB.monitorPoll, data, { ...monitorPollOptions(), runAt: now + Math.floor((i * SPREAD_MS) / chunks.length) });
    queued += slugs.length;
  }
  return queued;
}
