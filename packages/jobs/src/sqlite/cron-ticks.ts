/** Which tick of a schedule is due, for the SQLite engine's cron. */
import type { Cron } from 'croner';

/** Ticks examined at most when a schedule has been idle for long (a stopped server). */
const MAX_MISSED_TICKS = 100_000;

/**
 * The latest tick after `lastTick` that is not after `now`, or undefined when
 * none is due. Missed ticks (every process was down) collapse into this one:
 * a schedule fires once when the server comes back, not once per missed tick.
 */
export function latestDueTick(cron: Cron, lastTick: number, now: number): number | undefined {
  let next = cron.nextRun(new Date(lastTick));
  if (!next || next.getTime() > now) return undefined;
  let due = next;
  for (let i = 0; i < MAX_MISSED_TICKS; i++) {
    next = cron.nextRun(due);
    if (!next || next.getTime() > now) break;
    due = next;
  }
  return due.getTime();
}
