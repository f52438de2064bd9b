/**
 * A fake clock and a manual job queue for the monitor's tests: each round
 * moves the clock one poll interval on, queues the minute's tick and runs the
 * jobs it leads to.
 */
import { JOB } from '../../src/jobs/job-names.js';
import { ManualQueue } from './manual-queue.js';

/** The monitor's default poll interval: every target is due again each round. */
export const ROUND_MS = 300_000;

export class MonitorRounds {
  readonly queue = new ManualQueue();
  /** The fake clock, ms. */
  at: number;
  readonly #only: readonly string[] | undefined;

  /** `only`: the job names a round runs (all when omitted). */
  constructor(start: number, only?: readonly string[]) {
    this.at = start;
    this.#only = only;
  }

  /** The clock, as the server's `now` option. */
  readonly now = (): number => this.at;

  async round(): Promise<void> {
    this.at += ROUND_MS;
    await this.queue.enqueue(JOB.monitorTick, {});
    await this.queue.run(this.#only);
  }
}
