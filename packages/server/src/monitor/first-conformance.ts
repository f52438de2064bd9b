/**
 * A new endpoint's first conformance score. The daily run (03:30 UTC) would
 * leave a new endpoint, or a fresh demo, without a score for up to a day, so
 * after a successful poll an endpoint that has never had a score gets one
 * run queued (conformance-runs.ts). Bounded: no run while this endpoint has
 * one queued or running (a poll before it ends queues nothing), and none
 * while {@link MAX_QUEUED_FIRST_RUNS} monitor runs wait in the queue (across
 * processes; the others get theirs at a later poll, or at the daily run).
 * Each endpoint is settled once per process (seen-slugs.ts): once it has a
 * score or a run, or cannot have one; so a run that failed is not tried again
 * every poll, but at the daily run. A failed poll settles nothing.
 */
import type { MonitorTarget } from '@o311/store';
import { isRefusal, type ValidationContext } from '../validation/queue-run.js';
import { queueConformanceRun } from './conformance-runs.js';
import { SeenSlugs } from './seen-slugs.js';

/** Monitor runs waiting in the queue past which no first run is added. */
export const MAX_QUEUED_FIRST_RUNS = 3;

const PENDING = ['queued', 'running'] as const;

export class FirstConformance {
  readonly #seen = new SeenSlugs();
  readonly #ctx: ValidationContext;

  constructor(ctx: ValidationContext) {
    this.#ctx = ctx;
  }

  /** After `slugs` were polled: the slugs a first run was queued for. */
  async afterPolls(slugs: readonly string[]): Promise<string[]> {
    const fresh = this.#seen.unseen(slugs);
    if (fresh.length === 0) return [];
    const targets = await Promise.all(fresh.map((s) => this.#ctx.store.monitor.getTarget(s)));
    const queued: string[] = [];
    for (const target of targets) {
      if (target === undefined || target.last_ok !== true) continue;
      const outcome = await this.#firstRun(target);
      if (outcome === 'full') break;
      this.#seen.add(target.slug);
      if (outcome === 'queued') queued.push(target.slug);
    }
    return queued;
  }

  /** 'queued'; 'settled' (paused, scored, a run pending, no URL or refused); 'full': too many runs wait, try at a later poll. */
  async #firstRun(target: MonitorTarget): Promise<'queued' | 'settled' | 'full'> {
    const { store } = this.#ctx;
    if (target.paused || (await store.monitor.latestScore(target.slug)) !== undefined) return 'settled';
    const mine = await store.validations.list({ endpoint_slug: target.slug, source: 'monitor', states: PENDING, limit: 1 });
    if (mine.length > 0) return 'settled';
    const waiting = await store.validations.list({ source: 'monitor', states: ['queued'], limit: MAX_QUEUED_FIRST_RUNS });
    if (waiting.length >= MAX_QUEUED_FIRST_RUNS) return 'full';
    const endpoint = await store.getEndpoint(target.slug);
    const run = endpoint === undefined ? null : await queueConformanceRun(this.#ctx, endpoint);
    return run === null || isRefusal(run) ? 'settled' : 'queued';
  }
}
