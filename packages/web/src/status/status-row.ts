/**
 * One monitored endpoint as the overview shows it: the registry's public
 * fields joined with the monitor's state and summary, its latest conformance
 * score and its latest usage sample. Holds nothing private (no contact
 * address, no webhook).
 */
import type { Tier } from '@o311/georeport';
import type { Endpoint, MonitorState, MonitorSummary, MonitorTarget, ScoreSample, UsageSample } from '@o311/store';
import { shownState, type ShownState } from './shown-state.js';

export type StatusScore = Pick<ScoreSample, 'score' | 'at' | 'errors' | 'warnings' | 'run_id'>;

/** `capped`: the counts are lower bounds (the endpoint capped its answer). */
export type StatusUsage = Pick<UsageSample, 'at' | 'requests_7d' | 'requests_30d' | 'capped' | 'open' | 'closed' | 'newest_at'>;

/** The monitor's summary figures, null while it has none. */
type StatusFigures = Omit<MonitorSummary, 'refreshed_at'>;

export interface StatusRow extends StatusFigures {
  slug: string;
  name: string;
  tier: Tier;
  country: string | null;
  /** The monitor's state (an incident open: down). */
  state: MonitorState;
  /** What the pages show (shown-state.ts). */
  shown: ShownState;
  /** Failed checks in a row (0 after a success). */
  failed_checks: number;
  since: number | null;
  paused: boolean;
  last_poll_at: number | null;
  score: StatusScore | null;
  usage: StatusUsage | null;
}

export const statusScore = (s: ScoreSample): StatusScore => ({ score: s.score, at: s.at, errors: s.errors, warnings: s.warnings, run_id: s.run_id });

export const statusUsage = (u: UsageSample): StatusUsage => ({
  at: u.at,
  requests_7d: u.requests_7d,
  requests_30d: u.requests_30d,
  capped: u.capped,
  open: u.open,
  closed: u.closed,
  newest_at: u.newest_at,
});

/** Since when the shown state holds, when known: a failing endpoint's first failed check is not kept, so none. */
export const shownSince = (r: Pick<StatusRow, 'shown' | 'since'>): number | null => (r.shown === 'failing' ? null : r.since);

export function statusRow(e: Endpoint, target: MonitorTarget, score: ScoreSample | undefined, usage: UsageSample | undefined): StatusRow {
  const s = target.summary;
  return {
    slug: e.slug,
    name: e.name,
    tier: e.tier,
    country: e.country,
    state: target.state,
    shown: shownState(target),
    failed_checks: target.consecutive_failures,
    since: target.state_since,
    paused: target.paused,
    last_poll_at: target.last_poll_at,
    uptime_24h: s?.uptime_24h ?? null,
    uptime_7d: s?.uptime_7d ?? null,
    uptime_30d: s?.uptime_30d ?? null,
    uptime_90d: s?.uptime_90d ?? null,
    p50_ms: s?.p50_ms ?? null,
    p95_ms: s?.p95_ms ?? null,
    score: score ? statusScore(score) : null,
    usage: usage ? statusUsage(usage) : null,
  };
}
