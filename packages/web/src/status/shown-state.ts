/**
 * The state the status pages show: the monitor's state, except that an
 * endpoint whose last checks failed without opening an incident yet (fewer
 * failures in a row than the monitor's threshold) is "failing", and one never
 * checked is "unknown" (not checked yet). The monitor's own state stays in the
 * JSON's `state`; this is its `display_state`.
 */
import type { MonitorTarget } from '@o311/store';

export const SHOWN_STATES = ['up', 'failing', 'down', 'unknown'] as const;
export type ShownState = (typeof SHOWN_STATES)[number];

export const isShownState = (s: string): s is ShownState => (SHOWN_STATES as readonly string[]).includes(s);

export function shownState(target: Pick<MonitorTarget, 'state' | 'consecutive_failures' | 'last_ok' | 'last_poll_at'>): ShownState {
  if (target.state === 'down') return 'down';
  if (target.consecutive_failures > 0 || target.last_ok === false) return 'failing';
  if (target.state === 'up' || target.last_poll_at !== null) return 'up';
  return 'unknown';
}
