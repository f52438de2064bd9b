/**
 * The status monitor's records (issue 12): per registry endpoint, how it is
 * polled and alerted (interval, mail alerts, webhook) and where it stands (up or down, failures
 * in a row); raw poll samples (kept 7 days) rolled up into hourly figures
 * (kept 90 days); incidents; usage samples (comprehensiveness and citizen
 * utilisation); daily conformance scores; and the events alerts are sent for.
 * Part of the {@link Store} as `store.monitor`. Times are epoch milliseconds (UTC).
 */

/** Why a poll failed; null in a sample that succeeded. */
export const POLL_ERROR_KINDS = [
  /** No whole answer within the deadline. */
  'timeout',
  /** The TLS handshake failed (certificate, protocol). */
  'tls',
  /** The host name does not resolve. */
  'dns',
  /** Refused, reset or unreachable. */
  'connection',
  /** An answer with an HTTP error status. */
  'http',
  /** A 2xx answer that is not a service list (HTML, broken XML or JSON, wrong shape). */
  'malformed',
  /** Not asked: a private address without permission, a bad URL, no URL at all. */
  'refused',
] as const;
export type PollErrorKind = (typeof POLL_ERROR_KINDS)[number];

export const MONITOR_STATES = ['unknown', 'up', 'down'] as const;
/** `unknown` until the first poll; `down` only once an incident is open. */
export type MonitorState = (typeof MONITOR_STATES)[number];

export const MONITOR_EVENT_KINDS = ['down', 'up', 'score-drop'] as const;
export type MonitorEventKind = (typeof MONITOR_EVENT_KINDS)[number];

/** Poll intervals allowed, seconds. */
export const MIN_POLL_INTERVAL_S = 60;
export const MAX_POLL_INTERVAL_S = 86_400;
export const DEFAULT_POLL_INTERVAL_S = 300;

/** How an endpoint is watched: set by admins (registry page, staff API). */
export interface MonitorSettings {
  /** Seconds between polls, MIN_POLL_INTERVAL_S..MAX_POLL_INTERVAL_S. */
  interval_s: number;
  /** Not polled while paused (its figures stay). */
  paused: boolean;
  /**
   * Mail the registry's contact_email when the endpoint goes down, comes back
   * or its score drops. Off unless this installation's admin turns it on: the
   * seeded registry carries real cities' addresses. No effect without a contact_email.
   */
  mail_alerts: boolean;
  /** Where alerts are POSTed, signed; null: no webhook. */
  webhook_url: string | null;
  /** The webhook's signing secret, sealed by the server (the store keeps opaque text); null without a webhook. */
  webhook_secret_sealed: string | null;
}

/** Figures over the recent hourly rollups, refreshed by `rollUp`. Ratios are 0..1, null without polls in the window. */
export interface MonitorSummary {
  uptime_24h: number | null;
  uptime_7d: number | null;
  uptime_30d: number | null;
  uptime_90d: number | null;
  /** Latency of successful polls over 7 days, ms. */
  p50_ms: number | null;
  p95_ms: number | null;
  refreshed_at: number;
}

/** One endpoint as the monitor sees it. */
export interface MonitorTarget extends MonitorSettings {
  slug: string;
  state: MonitorState;
  /** When the state last changed (null while unknown). */
  state_since: number | null;
  /** Failed polls in a row (0 after a success). */
  consecutive_failures: number;
  /** When the endpoint is next due. */
  next_poll_at: number;
  last_poll_at: number | null;
  /** The last poll's outcome. */
  last_ok: boolean | null;
  last_error_kind: PollErrorKind | null;
  last_latency_ms: number | null;
  summary: MonitorSummary | null;
}

/** What one poll found. */
export interface PollSample {
  slug: string;
  at: number;
  ok: boolean;
  /** The HTTP status, when an answer came. */
  http_status: number | null;
  /** Until the whole answer was read, when one came. */
  latency_ms: number | null;
  error_kind: PollErrorKind | null;
  /** Why it failed, bounded (MAX_MONITOR_TEXT); null when ok. */
  error: string | null;
  /** Services in the list, when it could be read. */
  services: number | null;
}

/** One hour of polls of one endpoint. */
export interface HourlyRollup {
  slug: string;
  /** Start of the hour. */
  hour: number;
  polls: number;
  ups: number;
  /** Counts of successful polls' latencies per bucket (the monitor package defines the buckets). */
  latency_histogram: number[];
  /** Sum of the successful polls' latencies, ms (for means). */
  latency_sum_ms: number;
}

/**
 * What an endpoint's recent requests show (taken far less often than polls):
 * comprehensiveness (how complete its records are) and citizen utilisation.
 */
export interface UsageSample {
  slug: string;
  at: number;
  services: number;
  /** Requests the shares below are computed over. */
  sampled: number;
  /** Shares 0..1 of the sampled requests that have each field; null when none were sampled. */
  with_location: number | null;
  with_address: number | null;
  with_updated: number | null;
  with_media: number | null;
  with_status_notes: number | null;
  /** Requests opened in the last 7 and 30 days (at least: see `capped`). */
  requests_7d: number;
  requests_30d: number;
  /** The endpoint capped its answer: the counts are lower bounds. */
  capped: boolean;
  open: number;
  closed: number;
  /** The newest request's requested_datetime, if any. */
  newest_at: number | null;
}

/** One conformance run's score (a daily read-only validator run). */
export interface ScoreSample {
  slug: string;
  at: number;
  /** 0..100. */
  score: number;
  errors: number;
  warnings: number;
  passed: number;
  failed: number;
  skipped: number;
  /** The validation run it comes from (store.validations), if kept. */
  run_id: string | null;
}

export interface Incident {
  id: string;
  slug: string;
  opened_at: number;
  /** Null while open. */
  closed_at: number | null;
  /** The failure that opened it: kind and message. */
  cause_kind: PollErrorKind;
  cause: string;
  /** Failed polls during it, the one that opened it included. */
  failed_polls: number;
}

/** Something worth an alert; each is alerted once (mail through the outbox's once-key, webhook retried by a job). */
export interface MonitorEvent {
  id: string;
  slug: string;
  kind: MonitorEventKind;
  at: number;
  incident_id: string | null;
  /** A line for people, e.g. the failure or the score change. */
  detail: string;
  /** When the mail was queued (null: not yet, mail alerts off, or nobody to mail). */
  mailed_at: number | null;
  /** Webhook delivery: attempts so far and the last outcome (null before the first). */
  webhook_attempts: number;
  webhook_status: number | null;
  webhook_error: string | null;
  webhook_delivered_at: number | null;
}

/** What recording a batch of samples changed. */
export interface RecordedPolls {
  /** Incidents opened (an endpoint reached `failuresToOpen` failures in a row) and closed (a success while one was open). */
  opened: Incident[];
  closed: Incident[];
  /** The events of those changes, one per opened (`down`) and closed (`up`) incident. */
  events: MonitorEvent[];
}

export interface MonitorListFilter {
  slug?: string;
  from?: number;
  to?: number;
  limit: number;
}

/** The longest error or detail text kept; longer ones are cut. */
export const MAX_MONITOR_TEXT = 500;

export interface MonitorStore {
  /**
   * Gives every registry endpoint that is not retired a target (default
   * settings, due now) and removes the targets (and their figures) of endpoints
   * deleted or retired since. Cheap when nothing changed.
   */
  syncTargets(now: number): Promise<void>;
  getTarget(slug: string): Promise<MonitorTarget | undefined>;
  /** Every target, by slug. */
  listTargets(): Promise<MonitorTarget[]>;
  /** False when the endpoint has no target (unknown, or retired). A changed interval makes it due at once. */
  saveSettings(slug: string, settings: MonitorSettings, now: number): Promise<boolean>;
  /**
   * Claims up to `limit` due targets (not paused, next_poll_at <= now), oldest
   * due first, moving each one's next_poll_at on by its interval (from its due
   * time, or from now when it is a whole interval late) in the same
   * transaction, so that no other process claims them; their slugs.
   */
  claimDue(now: number, limit: number): Promise<string[]>;
  /** Makes the target due now (an admin's "poll now"); false when unknown. */
  pollNow(slug: string, now: number): Promise<boolean>;

  /**
   * Stores the samples and moves each target's state, in one transaction: a
   * success resets the failures and closes an open incident; a failure counts,
   * and the `failuresToOpen`-th in a row opens an incident. Samples of unknown
   * targets are dropped.
   */
  recordPolls(samples: readonly PollSample[], rule: { failuresToOpen: number }): Promise<RecordedPolls>;
  /** Newest first. */
  listSamples(f: MonitorListFilter): Promise<PollSample[]>;

  /**
   * Rolls the raw samples of the hours not yet rolled up (and the current one,
   * again) into hourly rollups, forgets raw samples older than `rawDays` and
   * rollups older than `hourlyDays`, usage samples and scores older than
   * `hourlyDays`, then refreshes every target's summary. `bucketOf` maps a
   * latency to its histogram bucket; `percentile` reads a summed histogram.
   */
  rollUp(now: number, options: RollUpOptions): Promise<void>;
  /** Oldest first. */
  listHourly(slug: string, from: number, to: number): Promise<HourlyRollup[]>;

  /**
   * Stores a batch of samples (a poll job's) in one transaction; those of
   * endpoints without a target (retired or deleted meanwhile) are dropped.
   */
  recordUsage(samples: readonly UsageSample[]): Promise<void>;
  /** Oldest first. */
  listUsage(f: MonitorListFilter): Promise<UsageSample[]>;
  latestUsage(slug: string): Promise<UsageSample | undefined>;
  /** Of `slugs`, the latest usage sample of each that has one, by slug; one query per 500 slugs. */
  latestUsages(slugs: readonly string[]): Promise<Map<string, UsageSample>>;
  /**
   * Of `slugs`, the targets whose usage is due: no sample taken after `since`
   * (none yet, or only older ones); by slug. Slugs without a target are left
   * out. One query for a batch (per 500 slugs).
   */
  usageDue(slugs: readonly string[], since: number): Promise<string[]>;

  /**
   * Stores the score; when it is `dropBy` points or more below the endpoint's
   * previous score, also a `score-drop` event (returned), in the same transaction.
   * Dropped (undefined) when the endpoint has no target.
   */
  recordScore(s: ScoreSample, rule: { dropBy: number }): Promise<MonitorEvent | undefined>;
  /** Oldest first. */
  listScores(f: MonitorListFilter): Promise<ScoreSample[]>;
  latestScore(slug: string): Promise<ScoreSample | undefined>;
  /** Of `slugs`, the latest score of each that has one, by slug; one query per 500 slugs. */
  latestScores(slugs: readonly string[]): Promise<Map<string, ScoreSample>>;

  getIncident(id: string): Promise<Incident | undefined>;
  /** Newest first (opened_at); all endpoints without `slug`. */
  listIncidents(f: MonitorListFilter & { open?: boolean }): Promise<Incident[]>;

  getEvent(id: string): Promise<MonitorEvent | undefined>;
  /** Newest first. */
  listEvents(f: MonitorListFilter): Promise<MonitorEvent[]>;
  /** The mail was queued. */
  markEventMailed(id: string, at: number): Promise<void>;
  /** One webhook attempt: its HTTP status (null without an answer), error and whether it counted as delivered. */
  recordWebhookAttempt(id: string, outcome: { status: number | null; error: string | null; delivered: boolean }, at: number): Promise<void>;
}

export interface RollUpOptions {
  rawDays: number;
  hourlyDays: number;
  /** Latency (ms) to bucket index, 0..buckets-1. */
  bucketOf: (latencyMs: number) => number;
  buckets: number;
  /** The latency (ms) at quantile q (0..1) of a histogram. */
  percentile: (histogram: readonly number[], q: number) => number | null;
}
