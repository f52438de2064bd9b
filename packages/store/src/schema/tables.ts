/**
 * Row shapes of the tables as Kysely sees them. Both dialects store the same
 * values: times as epoch milliseconds (int8 in PostgreSQL, parsed back to
 * numbers), flags as 0/1 integers, structured values as JSON text.
 */
import type { Generated } from 'kysely';
import type { DashboardTables } from './dashboard-tables.js';
import type { WebhookTables } from './webhook-tables.js';
import type { ModerationTables } from './moderation-tables.js';
import type { ReporterTables } from './reporter-tables.js';
import type { KeyRequestTables } from './key-request-tables.js';
import type { SupporterTables } from './supporter-tables.js';
import type { SmsTables } from './sms-tables.js';
import type { GazetteerTables } from './gazetteer-tables.js';
import type { MailIntakeTables } from './mail-intake-tables.js';

export interface JurisdictionsTable {
  id: string;
  name: string;
  contact: string;
  key_service: string;
  timezone: string;
  /** 1 for a sandbox (migration 0005). */
  sandbox: Generated<number>;
  /** Strictly increasing stamp of the last service change (discovery changeset). */
  services_changed_at: number;
}

export interface ServicesTable {
  jurisdiction_id: string;
  service_code: string;
  service_name: string;
  description: string | null;
  type: string;
  keywords: string | null;
  service_group: string | null;
  active: number;
  agency_responsible: string | null;
  service_notice: string | null;
  sla_hours: number | null;
  /** JSON: Attribute[] */
  attributes: string;
  /** JSON: Record<locale, ServiceTranslation> */
  translations: string;
  updated_at: number;
  /** What a blackbox service's receipt holds (migration 0005): 'none' | 'service_request_id' | 'token'. */
  blackbox_receipt: Generated<string>;
}

/** Staff-only facts about a request (migration 0003); never part of a public response. */
export interface RequestTriageColumns {
  assigned_department_id: string | null;
  assigned_user_id: string | null;
  /** One of PRIORITIES; the database default is 'normal'. */
  priority: Generated<string>;
  /** Id of the request this one duplicates. */
  duplicate_of: number | null;
}

export interface RequestsTable extends RequestTriageColumns {
  id: Generated<number>;
  jurisdiction_id: string;
  service_code: string;
  /** Denormalised from the service at insert; kept in step on rename. */
  service_name: string;
  token: string | null;
  status: string;
  /** 'open' | 'closed', derived from `status` for fast filters. */
  public_status: string;
  status_notes: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_at: number;
  updated_at: number;
  expected_at: number | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** JSON: Record<code, string | string[]> */
  attributes: string;
  /** JSON: string[] */
  media_ids: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
  api_key_id: string | null;
  /** How the request reached the city (migration 0025): a RequestChannel. */
  channel: Generated<string>;
  /**
   * 1 when `status`, `status_notes` and `updated_at` came from an import in a
   * status other than `open`: the history then has an entry "status changed
   * to `status` at `updated_at` with `status_notes`" that is not stored as an
   * event but derived from the row (see repositories/history.ts). The first
   * event written for such a request stores that entry and clears the flag.
   */
  status_imported: Generated<number>;
}

export interface RequestEventsTable {
  id: Generated<number>;
  request_id: number;
  jurisdiction_id: string;
  at: number;
  type: string;
  status: string;
  description: string;
  public: number;
  author: string | null;
  media_url: string | null;
  /**
   * The id shown for this event when it is not the numeric key: set when a
   * derived history entry is stored, so that the entry keeps its id.
   */
  public_id: string | null;
}

export interface RequestMediaTable {
  id: string;
  request_id: number;
  position: number;
  content_type: string;
  filename: string | null;
  bytes: Buffer;
  size: number;
  created_at: number;
  /** Hidden by moderation (migration 0020): the public media route refuses it. */
  hidden_at: number | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** SHA-256 hex of the secret; the secret itself is never stored. */
  secret_hash: string;
  rate_limit_per_minute: number;
  trusted: number;
  created_at: number;
  revoked_at: number | null;
  /** Migration 0005: the client program's label, whether the limit counts per client address, the one jurisdiction it may post to. */
  client: string | null;
  public: Generated<number>;
  jurisdiction_id: string | null;
}

/** One fixed-window counter per limited bucket (migration 0005). */
export interface RateLimitsTable {
  bucket: string;
  window_start: number;
  hits: number;
}

export interface StaffTokensTable {
  id: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: number;
  revoked_at: number | null;
  /** Null = every jurisdiction (admins only), else a JSON array of ids; see scope.ts. */
  jurisdiction_scope: string | null;
}

export interface DepartmentsTable {
  id: string;
  jurisdiction_id: string;
  name: string;
  email: string | null;
}

export interface StaffUsersTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  /** 1: an agent who takes calls (migration 0026). */
  call_taker: Generated<number>;
  /** argon2id PHC string, computed by the caller. */
  password_hash: string;
  active: number;
  locale: string | null;
  created_at: number;
  failed_logins: number;
  locked_until: number | null;
  /** Null = every jurisdiction (admins only), else a JSON array of ids; see scope.ts. */
  jurisdiction_scope: string | null;
}

export interface StaffSessionsTable {
  id: string;
  user_id: string;
  /** SHA-256 hex of the cookie secret. */
  secret_hash: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  revoked_at: number | null;
}

export interface AuditLogTable {
  /** Numbered by the database: orders entries written in the same millisecond. */
  id: Generated<number>;
  at: number;
  actor: string;
  action: string;
  jurisdiction_id: string | null;
  request_id: string | null;
  /** JSON object */
  details: string;
}

export interface ResponseTemplatesTable {
  id: string;
  jurisdiction_id: string;
  name: string;
  body: string;
  status: string | null;
}

export interface SavedFiltersTable {
  id: string;
  user_id: string;
  name: string;
  query: string;
}

export interface FollowersTable {
  id: string;
  jurisdiction_id: string;
  request_id: number;
  /** Lower-cased; unique per request. */
  email: string;
  created_at: number;
  confirmed_at: number | null;
  locale: string | null;
  /** SHA-256 hex of the secret of the confirmation link. */
  confirm_hash: string;
  /** Kept as is (every e-mail carries it); it only lets its holder stop the e-mails. */
  unsubscribe_secret: string;
}

export interface OutboxTable {
  /** Numbered by the database: the sending order of messages queued in the same millisecond. */
  id: Generated<number>;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: number;
  sent_at: number | null;
  attempts: number;
  last_error: string | null;
  /** Unique where set: see `enqueueMailOnce` (migration 0011). */
  once_key: string | null;
  /** JSON MailThreading, for mail about a request filed by e-mail (migration 0028); else null. */
  threading: string | null;
}

/** Migration 0012: see registry.ts. */
export interface RegistryBoundariesTable {
  id: string;
  name: string;
  tier: string;
  source: string;
  approximate: number;
  /** GeoJSON MultiPolygon coordinates. */
  geometry: string;
  min_long: number;
  min_lat: number;
  max_long: number;
  max_lat: number;
  created_at: number;
  updated_at: number;
}

export interface RegistryEndpointsTable {
  slug: string;
  name: string;
  tier: string;
  country: string | null;
  base_url: string | null;
  discovery_url: string | null;
  jurisdiction_id: string | null;
  local: number;
  /** JSON list of formats. */
  formats: string;
  api_key_url: string | null;
  terms_url: string | null;
  contact_email: string | null;
  status: string;
  boundary_id: string | null;
  quirks: string | null;
  notes: string;
  created_at: number;
  updated_at: number;
  last_check_at: number | null;
  last_check_ok: number | null;
  last_check_summary: string | null;
  /** The router's upstream API key, encrypted (migration 0014). */
  upstream_key_sealed: Generated<string | null>;
}

/** Migration 0014: see federation.ts. */
export interface FederatedRequestsTable {
  id: string;
  token: string;
  endpoint_slug: string;
  service_code: string;
  /** JSON: FederatedFields */
  fields: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
  api_key_id: string | null;
  state: string;
  attempts: number;
  last_error: string | null;
  upstream_token: string | null;
  upstream_id: string | null;
  created_at: number;
  updated_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
}

/** Migration 0015: see citizens.ts. */
export interface CitizenAccountsTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  created_at: number;
  last_sign_in_at: number;
  reminders: number;
  locale: string | null;
}

/** A sign-in link mailed to an address (an account may not exist yet). */
export interface CitizenSignInLinksTable {
  /** SHA-256 hex of the link's secret. */
  secret_hash: string;
  /** Lower-cased. */
  email: string;
  locale: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface CitizenSessionsTable {
  id: string;
  account_id: string;
  /** SHA-256 hex of the cookie secret. */
  secret_hash: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  revoked_at: number | null;
}

/** An Idempotency-Key of POST requests, per API key (migration 0013; see idempotency.ts). */
export interface IdempotencyKeysTable {
  api_key_id: string;
  idempotency_key: string;
  fingerprint: string;
  /** Null only inside the transaction that claims the key. */
  request_id: number | null;
  created_at: number;
}

/** One row: the registry's revision. */
export interface RegistryRevisionTable {
  id: number;
  revision: number;
}

export interface SettingsTable {
  name: string;
  value: string;
}

/** A failed staff login, counted under a hashed key (login-attempts.ts). */
export interface LoginFailuresTable {
  key: string;
  at: number;
}

/** An (account, address) pair, hashed, that has logged in successfully. */
export interface LoginKnownPairsTable {
  key: string;
  last_success_at: number;
}

/** Migration 0016: see monitor.ts. Flags are 0/1; `summary_at` null until the first rollup. */
export interface MonitorTargetsTable {
  slug: string;
  interval_s: number;
  paused: number;
  mail_alerts: number;
  webhook_url: string | null;
  webhook_secret_sealed: string | null;
  state: string;
  state_since: number | null;
  consecutive_failures: number;
  next_poll_at: number;
  last_poll_at: number | null;
  last_ok: number | null;
  last_error_kind: string | null;
  last_latency_ms: number | null;
  uptime_24h: number | null;
  uptime_7d: number | null;
  uptime_30d: number | null;
  uptime_90d: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  summary_at: number | null;
}

export interface MonitorSamplesTable {
  slug: string;
  at: number;
  ok: number;
  http_status: number | null;
  latency_ms: number | null;
  error_kind: string | null;
  error: string | null;
  services: number | null;
}

export interface MonitorHourlyTable {
  slug: string;
  hour: number;
  polls: number;
  ups: number;
  /** JSON: number[] */
  latency_histogram: string;
  latency_sum_ms: number;
}

export interface MonitorUsageTable {
  slug: string;
  at: number;
  services: number;
  sampled: number;
  with_location: number | null;
  with_address: number | null;
  with_updated: number | null;
  with_media: number | null;
  with_status_notes: number | null;
  requests_7d: number;
  requests_30d: number;
  capped: number;
  open: number;
  closed: number;
  newest_at: number | null;
}

export interface MonitorScoresTable {
  slug: string;
  at: number;
  score: number;
  errors: number;
  warnings: number;
  passed: number;
  failed: number;
  skipped: number;
  run_id: string | null;
}

export interface MonitorIncidentsTable {
  id: string;
  slug: string;
  opened_at: number;
  closed_at: number | null;
  cause_kind: string;
  cause: string;
  failed_polls: number;
}

export interface MonitorEventsTable {
  id: string;
  slug: string;
  kind: string;
  at: number;
  incident_id: string | null;
  detail: string;
  mailed_at: number | null;
  webhook_attempts: number;
  webhook_status: number | null;
  webhook_error: string | null;
  webhook_delivered_at: number | null;
}

/** Migration 0016: see validation-runs.ts. */
export interface ValidationRunsTable {
  id: string;
  url: string;
  endpoint_slug: string | null;
  source: string;
  format: string;
  write: number;
  jurisdiction_id: string | null;
  api_key_sealed: string | null;
  client: string | null;
  state: string;
  done: number;
  total: number;
  /** JSON: unknown[] */
  partial: string;
  /** JSON, as the run wrote it. */
  report: string | null;
  /** JSON: ValidationSummary */
  summary: string | null;
  error: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

/** Migration 0017: see changes.ts. */
export interface RequestChangesTable {
  id: Generated<number>;
  jurisdiction_id: string;
  request_id: number | null;
  kind: string;
  at: number;
}

export interface ChangeCursorsTable {
  consumer: string;
  position: number;
  updated_at: number;
}

export interface Database extends SmsTables, DashboardTables, WebhookTables, ReporterTables, SupporterTables, KeyRequestTables, ModerationTables, GazetteerTables, MailIntakeTables {
  jurisdictions: JurisdictionsTable;
  services: ServicesTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  request_media: RequestMediaTable;
  api_keys: ApiKeysTable;
  staff_tokens: StaffTokensTable;
  departments: DepartmentsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
  response_templates: ResponseTemplatesTable;
  saved_filters: SavedFiltersTable;
  followers: FollowersTable;
  outbox: OutboxTable;
  settings: SettingsTable;
  login_failures: LoginFailuresTable;
  login_known_pairs: LoginKnownPairsTable;
  rate_limits: RateLimitsTable;
  registry_boundaries: RegistryBoundariesTable;
  registry_endpoints: RegistryEndpointsTable;
  registry_revision: RegistryRevisionTable;
  idempotency_keys: IdempotencyKeysTable;
  citizen_accounts: CitizenAccountsTable;
  citizen_sign_in_links: CitizenSignInLinksTable;
  citizen_sessions: CitizenSessionsTable;
  federated_requests: FederatedRequestsTable;
  monitor_targets: MonitorTargetsTable;
  monitor_samples: MonitorSamplesTable;
  monitor_hourly: MonitorHourlyTable;
  monitor_usage: MonitorUsageTable;
  monitor_scores: MonitorScoresTable;
  monitor_incidents: MonitorIncidentsTable;
  monitor_events: MonitorEventsTable;
  validation_runs: ValidationRunsTable;
  request_changes: RequestChangesTable;
  change_cursors: ChangeCursorsTable;
}

/** First request id: ids read as case numbers, not as row counters. */
export const FIRST_REQUEST_ID = 1000;
