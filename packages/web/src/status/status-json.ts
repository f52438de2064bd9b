/**
 * The public JSON of the status pages (`/status/api/endpoints[/{slug}]`):
 * the same figures as the pages, times as ISO 8601 (UTC), ratios 0..1 and
 * latencies in ms. Built field by field from public data only: never an
 * endpoint's contact address, webhook or its secret. An endpoint's `state` is
 * the monitor's (up, down, unknown: an incident opens after a few failed checks
 * in a row); `display_state` is what the pages show (up, failing: failed checks
 * without an incident yet, down, unknown: never checked), with `failed_checks`
 * in a row. `counts` and the `status` filter are by display_state.
 */
import type { Incident, PollSample, ScoreSample, UsageSample } from '@o311/store';
import type { EndpointFigures } from './endpoint-figures.js';
import type { Overview } from './overview-data.js';
import type { OverviewQuery } from './overview-query.js';
import { incidentAnchor, statusApiPath, statusPath } from './paths.js';
import { runPath } from '../validate/paths.js';
import type { StatusRow } from './status-row.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const roundMs = (ms: number | null): number | null => (ms === null ? null : Math.round(ms));

function rowJson(r: StatusRow) {
  return {
    slug: r.slug,
    name: r.name,
    tier: r.tier,
    country: r.country,
    state: r.state,
    display_state: r.shown,
    failed_checks: r.failed_checks,
    since: iso(r.since),
    paused: r.paused,
    last_poll_at: iso(r.last_poll_at),
    uptime: { '24h': r.uptime_24h, '7d': r.uptime_7d, '30d': r.uptime_30d, '90d': r.uptime_90d },
    latency_ms: { p50: roundMs(r.p50_ms), p95: roundMs(r.p95_ms) },
    score: r.score && {
      score: r.score.score,
      errors: r.score.errors,
      warnings: r.score.warnings,
      at: iso(r.score.at),
      run: r.score.run_id === null ? null : runPath(r.score.run_id),
    },
    utilisation: r.usage && {
      requests_7d: r.usage.requests_7d,
      requests_30d: r.usage.requests_30d,
      requests_per_day_7d: r.usage.requests_7d / 7,
      requests_per_day_30d: r.usage.requests_30d / 30,
      capped: r.usage.capped,
      open: r.usage.open,
      closed: r.usage.closed,
      newest_request_at: iso(r.usage.newest_at),
      sampled_at: iso(r.usage.at),
    },
    links: { page: statusPath(r.slug), json: statusApiPath(r.slug) },
  };
}
export type StatusRowJson = ReturnType<typeof rowJson>;

export function overviewJson(o: Overview, q: OverviewQuery, now: number) {
  return {
    generated_at: iso(now),
    counts: o.counts,
    filters: { country: q.country ?? null, tier: q.tier ?? null, status: q.state ?? null },
    sort: { by: q.sort, direction: q.direction },
    matching: o.matching,
    page: o.page,
    pages: o.pages,
    endpoints: o.rows.map(rowJson),
  };
}

const pollJson = (p: PollSample) => ({
  at: iso(p.at),
  ok: p.ok,
  http_status: p.http_status,
  latency_ms: p.latency_ms,
  error_kind: p.error_kind,
  error: p.error,
  services: p.services,
});

const usageJson = (u: UsageSample) => ({
  at: iso(u.at),
  services: u.services,
  sampled: u.sampled,
  with_location: u.with_location,
  with_address: u.with_address,
  with_updated: u.with_updated,
  with_media: u.with_media,
  with_status_notes: u.with_status_notes,
  requests_7d: u.requests_7d,
  requests_30d: u.requests_30d,
  capped: u.capped,
  open: u.open,
  closed: u.closed,
  newest_request_at: iso(u.newest_at),
});

const scoreJson = (s: ScoreSample) => ({
  at: iso(s.at),
  score: s.score,
  errors: s.errors,
  warnings: s.warnings,
  passed: s.passed,
  failed: s.failed,
  skipped: s.skipped,
  run: s.run_id === null ? null : runPath(s.run_id),
});

const incidentJson = (i: Incident, slug: string) => ({
  id: i.id,
  opened_at: iso(i.opened_at),
  closed_at: iso(i.closed_at),
  cause_kind: i.cause_kind,
  cause: i.cause,
  failed_polls: i.failed_polls,
  link: `${statusPath(slug)}#${incidentAnchor(i.id)}`,
});

export function endpointJson(f: EndpointFigures, now: number) {
  return {
    generated_at: iso(now),
    endpoint: { ...rowJson(f.row), base_url: f.endpoint.base_url, discovery_url: f.endpoint.discovery_url },
    last_poll: f.lastPoll ? pollJson(f.lastPoll) : null,
    comprehensiveness: f.latestUsage ? usageJson(f.latestUsage) : null,
    hourly: f.hours.filter((h) => h.polls > 0).map((h) => ({ hour: iso(h.hour), polls: h.polls, ups: h.ups, p50_ms: roundMs(h.p50_ms), p95_ms: roundMs(h.p95_ms) })),
    daily: f.days.filter((d) => d.polls > 0).map((d) => ({ day: iso(d.day), polls: d.polls, ups: d.ups, uptime: d.uptime })),
    usage: f.usage.map(usageJson),
    scores: f.scores.map(scoreJson),
    incidents: f.incidents.map((i) => incidentJson(i, f.row.slug)),
  };
}

export type OverviewJson = ReturnType<typeof overviewJson>;
export type EndpointJson = ReturnType<typeof endpointJson>;
