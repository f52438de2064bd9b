/**
 * How many validator runs one client may start (a run makes a few hundred calls
 * to someone else's server). Counted from the runs stored in the window, so
 * every server process sees the same figure; two runs started at the same
 * instant may both pass, which the small limits absorb.
 */
import type { ValidationStore } from '@o311/store';

export const RUN_WINDOW_MS = 10 * 60_000;
/** Runs per client per window. */
export const RUNS_PER_WINDOW = 10;
/** A write run (it creates test requests at the target) is started only while the client has started fewer runs than this in the window. */
export const WRITE_RUNS_PER_WINDOW = 3;

export type RunAllowance = { ok: true } | { ok: false; reason: string; retryAfterSeconds: number };

export async function runAllowance(runs: Pick<ValidationStore, 'countByClient'>, client: string, write: boolean, now: number): Promise<RunAllowance> {
  const started = await runs.countByClient(client, now - RUN_WINDOW_MS);
  const limit = write ? WRITE_RUNS_PER_WINDOW : RUNS_PER_WINDOW;
  if (started < limit) return { ok: true };
  const minutes = Math.round(RUN_WINDOW_MS / 60_000);
  const what = write ? `${limit} runs (write checks are allowed for the first ${limit})` : `${limit} runs`;
  return {
    ok: false,
    reason: `You have started ${what} in the last ${minutes} minutes; try again in ${minutes} minutes.`,
    retryAfterSeconds: RUN_WINDOW_MS / 1000,
  };
}
