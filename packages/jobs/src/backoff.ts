/**
 * The wait before the next attempt after attempt `attempt` failed: the same
 * rule as pg-boss 10, so both engines space retries alike. With back-off the
 * n-th retry waits between delay·2^(n-1) and twice that (the random part keeps
 * jobs that failed together from retrying together); without, exactly delay.
 */
export function retryWaitMs(
  attempt: number,
  options: { retryDelayMs: number; backoff: boolean },
  random: () => number = Math.random,
): number {
  if (!options.backoff) return options.retryDelayMs;
  const base = options.retryDelayMs * 2 ** Math.min(16, attempt - 1);
  return Math.round(base + base * random());
}
