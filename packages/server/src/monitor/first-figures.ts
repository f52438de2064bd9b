/**
 * A target's first figures. The summaries and the hourly series come from the
 * rollup, which runs every 10 minutes, so a target polled just after the
 * server started showed no figure for up to 10 minutes. After a poll, a target
 * without figures yet gets a rollup queued (the schedule's singleton key keeps
 * one pending at a time). Each target asks once per process: the slugs already
 * seen are remembered (seen-slugs.ts), so a poll costs no extra read afterwards
 * and a target that still has no figure never queues a rollup every minute.
 */
import { JOB, monitorScheduleOptions } from '../jobs/job-names.js';
import type { MonitorServices } from './monitor-runtime.js';
import { SeenSlugs } from './seen-slugs.js';

export class FirstFigures {
  readonly #seen = new SeenSlugs();

  /** After `slugs` were polled: whether a rollup was queued for the first figures of one of them. */
  async afterPolls(ctx: Pick<MonitorServices, 'store' | 'jobs'>, slugs: readonly string[]): Promise<boolean> {
    const fresh = this.#seen.unseen(slugs);
    if (fresh.length === 0) return false;
    const targets = await Promise.all(fresh.map((s) => ctx.store.monitor.getTarget(s)));
    let wanted = false;
    for (const target of targets) {
      if (target === undefined) continue;
      this.#seen.add(target.slug);
      if (target.last_poll_at !== null && (target.summary === null || target.summary.uptime_24h === null)) wanted = true;
    }
    if (wanted) await ctx.jobs.enqueue(JOB.monitorRollup, {}, monitorScheduleOptions(JOB.monitorRollup));
    return wanted;
  }
}
