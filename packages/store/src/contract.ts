/**
 * What the rest of o311 may ask of storage. One implementation (Kysely) serves
 * SQLite and PostgreSQL; both must pass the same contract suite.
 * Times are epoch milliseconds (UTC) throughout.
 */
import type { RegistryStore } from './registry.js';
import type {
  Attribute,
  ExtendedStatus,
  PublicStatus,
  RequestChannel,
  ServiceType,
} from '@o311/georeport';
import type { BackOfficeStore } from './back-office.js';
import type { LoginAttempts } from './login-attempts.js';
import type { FederationStore } from './federation.js';
import type { IdempotencyClaim, IdempotencyKeys } from './idempotency.js';
import type { CitizenStore } from './citizens.js';
import type { MonitorStore } from './monitor.js';
import type { ValidationStore } from './validation-runs.js';
import type { JurisdictionScope } from './scope.js';
import type { RequestChanges } from './changes.js';
import type { DashboardStore } from './dashboard.js';
import type { WebhookStore } from './webhooks.js';
import type { ModerationStore } from './moderation.js';
import type { ReporterStore } from './reporter.js';
import type { SmsStore } from './sms.js';
import type { KeyRequestStore } from './key-requests.js';
import type { SupporterStore } from './supporters.js';
import type { MailIntakeStore } from './mail-intake.js';
import type { CallerStore } from './callers.js';
import type { GazetteerStore } from './gazetteer.js';
import type { ExportFilter } from './exports.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Jurisdiction {
  id: string;
  name: string;
  contact: string;
  key_service: string;
  /** IANA zone used to write dates with the local offset, e.g. `America/Chicago`. */
  timezone: string;
  /**
   * A playground for client developers: its requests never reach staff and are
   * reset on a schedule. Present (true) only on sandboxes.
   */
  sandbox?: boolean;
}

export interface ServiceTranslation {
  service_name: string;
  description?: string | null;
  group?: string | null;
  keywords?: string | null;
  /** attribute code -> translated description, hint (datatype_description) and value names */
  attributes?: Record<string, { description?: string; datatype_description?: string; values?: Record<string, string> }>;
}

export interface ServiceRecord {
  jurisdiction_id: string;
  service_code: string;
  service_name: string;
  description: string | null;
  type: ServiceType;
  keywords: string | null;
  group: string | null;
  active: boolean;
  agency_responsible: string | null;
  service_notice: string | null;
  /** Service-level agreement in hours; sets `expected_datetime` of new requests. */
  sla_hours: number | null;
  attributes: Attribute[];
  /** locale (`es`, `fr`, `en_GB`) -> translation */
  translations: Record<string, ServiceTranslation>;
  /** What a blackbox service answers a POST with (other types ignore it). */
  blackbox_receipt: BlackboxReceipt;
  updated_at: number;
}

/**
 * The spec gives a blackbox submission neither id nor token (`none`). Clients
 * that take a receipt without either for a failure and post again (FixMyStreet,
 * open311_java) can be given the request's id, or a token that resolves to it.
 */
export const BLACKBOX_RECEIPTS = ['none', 'service_request_id', 'token'] as const;
export type BlackboxReceipt = (typeof BLACKBOX_RECEIPTS)[number];

/** A service to save; `blackbox_receipt` defaults to `none`. */
export type NewService = Omit<ServiceRecord, 'updated_at' | 'blackbox_receipt'> & { blackbox_receipt?: BlackboxReceipt };

/** The reporter's contact data. Private: never part of a public response. */
export interface Reporter {
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
}

export interface StoredMedia {
  id: string;
  request_id: string;
  content_type: string;
  filename: string | null;
  bytes: Buffer;
}

export type NewMedia = Omit<StoredMedia, 'id' | 'request_id'>;

export interface RequestEvent {
  id: string;
  request_id: string;
  at: number;
  type: 'submitted' | 'status_change' | 'comment';
  status: ExtendedStatus;
  description: string;
  public: boolean;
  author: string | null;
  media_url: string | null;
}

export interface StoredRequest {
  id: string;
  jurisdiction_id: string;
  service_code: string;
  service_name: string;
  token: string | null;
  status: ExtendedStatus;
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
  /**
   * Link given by the client (`media_url`), else null. Uploaded files are in
   * `media_ids`; the server builds their URLs (and may show the first as `media_url`).
   */
  media_url: string | null;
  attributes: Record<string, string | string[]>;
  reporter: Reporter;
  /** Uploaded media ids, in upload order. */
  media_ids: string[];
  channel: RequestChannel;
}

/** A stored request as public answers see it: everything but the reporter's contact data. */
export type PublicStoredRequest = Omit<StoredRequest, 'reporter'>;

export interface NewRequest {
  jurisdiction_id: string;
  service_code: string;
  /** Batch services get a token that resolves to the id. */
  with_token: boolean;
  description: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  attributes: Record<string, string | string[]>;
  reporter: Reporter;
  media: NewMedia[];
  /** Defaults to now; set by imports and the demo seeder. */
  requested_at?: number;
  api_key_id: string | null;
  channel: RequestChannel;
  /**
   * Claims the client's Idempotency-Key for this request, under `api_key_id`
   * (required with it): a key claimed before with the same fingerprint gives
   * back the request it created (`replayed`) and writes nothing; with another
   * fingerprint, IdempotencyKeyReused.
   */
  idempotency?: IdempotencyClaim;
}

/** A new request, or (`replayed`, present only then) the one its idempotency key created before. */
export interface CreatedRequest extends StoredRequest {
  replayed?: true;
}

export interface RequestFilter {
  jurisdiction_id: string;
  /** When given, every other filter is ignored. */
  ids?: string[];
  service_codes?: string[];
  statuses?: PublicStatus[];
  requested_from?: number;
  requested_to?: number;
  updated_from?: number;
  updated_to?: number;
  near?: { lat: number; long: number; radius_m: number };
  bbox?: { min_long: number; min_lat: number; max_long: number; max_lat: number };
  limit: number;
  offset: number;
}

export interface StatusChange {
  jurisdiction_id: string;
  request_id: string;
  status: ExtendedStatus;
  /** Public note; becomes `status_notes` and an entry in the history. */
  note: string | null;
  author: string | null;
  at?: number;
  agency_responsible?: string | null;
  expected_at?: number | null;
  media_url?: string | null;
}

/** A comment on a request (staff note or public update) that does not change its status. */
export interface NewComment {
  jurisdiction_id: string;
  request_id: string;
  description: string;
  /** Internal comments are only listed with `includeInternal`. */
  public: boolean;
  author: string | null;
  /** Defaults to now. */
  at?: number;
  media_url?: string | null;
}

/** Client programs whose habits the server knows (see BLACKBOX_RECEIPTS); `other` for the rest. */
export const API_CLIENTS = ['fixmystreet', 'open311_java', 'other'] as const;
export type ApiClient = (typeof API_CLIENTS)[number];

export interface ApiKey {
  id: string;
  name: string;
  rate_limit_per_minute: number;
  /** May POST `servicerequestupdates`. */
  trusted: boolean;
  created_at: number;
  revoked_at: number | null;
  /** The client program that uses the key, when its owner said. */
  client: ApiClient | null;
  /**
   * Published for anyone to use (the web app's and the sandbox's keys): the
   * limit then counts per client address, not for the key as a whole.
   */
  public: boolean;
  /** The one jurisdiction the key may post to; null for any. */
  jurisdiction_id: string | null;
}

export interface NewApiKey {
  name: string;
  rate_limit_per_minute: number;
  trusted: boolean;
  client?: ApiClient | null;
  public?: boolean;
  jurisdiction_id?: string | null;
}

/** A limited bucket's answer: allowed (the hit counted), or when to try again. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters shared by every process on the database, so a limit
 * holds across processes. A window starts at a multiple of its length.
 */
export interface RateLimitCounters {
  /** Counts one hit in `bucket` unless it already has `limit` in the current window; atomic. */
  take(bucket: string, limit: number, windowMs: number, now: number): Promise<RateDecision>;
  /** Gives back a hit taken at `at` (a call that failed after all); no-op once its window is over. */
  giveBack(bucket: string, windowMs: number, at: number): Promise<void>;
  /** Forgets the counters whose window started before `before` (pass now minus the longest window); returns how many. */
  prune(before: number): Promise<number>;
}

export type StaffRole = 'admin' | 'agent' | 'viewer';

export interface StaffToken {
  id: string;
  name: string;
  role: StaffRole;
  /** The jurisdictions the token works on; only admin tokens may be global. */
  jurisdictions: JurisdictionScope;
  created_at: number;
  revoked_at: number | null;
}

export interface ImportedRequest extends Omit<NewRequest, 'media' | 'with_token' | 'api_key_id' | 'idempotency' | 'channel'> {
  /** Defaults to `api`: an imported request came from another system. */
  channel?: RequestChannel;
  status: ExtendedStatus;
  status_notes: string | null;
  updated_at: number;
  requested_at: number;
  expected_at: number | null;
  agency_responsible: string | null;
  service_name?: string;
}

/**
 * Rows for `importRequests`. An asynchronous source may also yield arrays of
 * rows: for long streams, far cheaper than one `await` per row.
 */
export type ImportSource = Iterable<ImportedRequest> | AsyncIterable<ImportedRequest | readonly ImportedRequest[]>;

export interface Store extends BackOfficeStore, RegistryStore {
  readonly dialect: Dialect;
  /** The staff login throttle's shared counts. */
  readonly loginAttempts: LoginAttempts;
  /** Rate limits shared through the database. */
  readonly rateLimits: RateLimitCounters;
  /** Idempotency keys of new requests, kept for replays until pruned. */
  readonly idempotencyKeys: IdempotencyKeys;
  /** The federated endpoint's outbox and upstream credentials (issue 11). */
  readonly federation: FederationStore;
  /** Optional citizen accounts: sign-in links, sessions, "My reports", erasure (issue 11). */
  readonly citizens: CitizenStore;
  /** The status monitor's targets, samples, rollups, incidents and alert events (issue 12). */
  readonly monitor: MonitorStore;
  /** Validator runs behind permanent links: the web validator, its JSON API and the monitor's daily check (issue 12). */
  readonly validations: ValidationStore;
  /** Every change to a request's public record, in commit order, for webhooks and read models (issue 13). */
  readonly changes: RequestChanges;
  /** The Daily Brief's sources, areas, facts and rollups (issue 13). */
  readonly dashboard: DashboardStore;
  /** Request webhooks: subscribers, deliveries and their attempts (issue 13). */
  readonly webhooks: WebhookStore;
  /** Hidden photos and redacted texts with their originals (moderation.ts). */
  readonly moderation: ModerationStore;
  /** The reporter's mail and updates: enrollment, secret links, settings, "is it fixed?" (issue 14). */
  readonly reporter: ReporterStore;
  /** Developers' requests for API keys, and the keys' owners, use and limits (issue 14). */
  readonly keyRequests: KeyRequestStore;
  /** "Me too" supporters of requests (issue 14). */
  readonly supporters: SupporterStore;
  /** Mail to the city's intake address: verdicts, threads, quarantine (issue 15). */
  readonly mailIntake: MailIntakeStore;
  readonly sms: SmsStore;
  /** The contact centre's caller lookup (issue 15). */
  readonly callers: CallerStore;
  /** The jurisdictions' address gazetteers, searched by the geocoder (issue 14). */
  readonly gazetteer: GazetteerStore;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * An opaque value that changes whenever data visible to public reads
   * (jurisdictions, services, requests and their history) may have changed,
   * through this store or any other process on the same database; equal
   * values mean nothing was written in between. Cheap: meant to be read on
   * every GET to validate a response cache. It moves with the commit of a
   * write, never before (on PostgreSQL in the write's own transaction), so a
   * response built after reading a version never holds data older than that
   * version, and a process that dies mid-write leaves the version as it left
   * the data. API keys and staff tokens do not move it.
   */
  dataVersion(): Promise<string>;

  listJurisdictions(): Promise<Jurisdiction[]>;
  getJurisdiction(id: string): Promise<Jurisdiction | undefined>;
  /**
   * Insert or replace. While the server has no primary jurisdiction, the
   * saved one becomes primary, unless it is a sandbox.
   */
  saveJurisdiction(j: Jurisdiction): Promise<Jurisdiction>;
  /**
   * Refuses (returns false) while the jurisdiction still has services or requests.
   * Deleting the primary jurisdiction leaves the server without one.
   */
  deleteJurisdiction(id: string): Promise<boolean>;
  /**
   * The server's primary jurisdiction: what a call without `jurisdiction_id` and
   * the web apps serve by default. A stored choice, never "the first one".
   */
  primaryJurisdiction(): Promise<Jurisdiction | undefined>;
  /** Makes an existing jurisdiction the primary one; false when it does not exist or is a sandbox. */
  setPrimaryJurisdiction(id: string): Promise<boolean>;

  listServices(jurisdiction_id: string, options?: { includeInactive?: boolean }): Promise<ServiceRecord[]>;
  getService(jurisdiction_id: string, code: string): Promise<ServiceRecord | undefined>;
  /** Insert or replace a service with its attributes. */
  saveService(s: NewService): Promise<ServiceRecord>;
  deleteService(jurisdiction_id: string, code: string): Promise<boolean>;
  /** Latest change to any service of the jurisdiction (discovery changeset). */
  servicesChangedAt(jurisdiction_id: string): Promise<number>;

  /**
   * Request and media in one transaction. Its history starts with a
   * `submitted` event at `requested_at` (derived from the request, not stored).
   * With `idempotency`, the key is claimed in the same transaction.
   */
  createRequest(r: NewRequest): Promise<CreatedRequest>;
  /** Deletes every request of the jurisdiction with its history, media and followers (a sandbox reset); returns how many. */
  clearRequests(jurisdiction_id: string): Promise<number>;
  getRequest(jurisdiction_id: string, id: string): Promise<StoredRequest | undefined>;
  getRequestByToken(jurisdiction_id: string, token: string): Promise<StoredRequest | undefined>;
  /** Newest first (`requested_at` desc, then id desc): a stable order for paging. */
  listRequests(f: RequestFilter): Promise<StoredRequest[]>;
  countRequests(f: Omit<RequestFilter, 'limit' | 'offset'>): Promise<number>;
  /** `listRequests` for public answers: the same rows, without reading the reporter's contact data. */
  listPublicRequests(f: RequestFilter): Promise<PublicStoredRequest[]>;
  /** `getRequest` for public answers, without the reporter's contact data. */
  getPublicRequest(jurisdiction_id: string, id: string): Promise<PublicStoredRequest | undefined>;
  /**
   * Every public request of the filter (no reporter data), oldest first
   * (`requested_at`, then id), in pages of `page_size`, read at most one
   * page ahead of the consumer (keyset paging: constant cost per page).
   */
  exportRequests(f: ExportFilter): AsyncIterable<PublicStoredRequest[]>;
  /** Status + note + event in one transaction; undefined when the request does not exist. */
  changeStatus(c: StatusChange): Promise<StoredRequest | undefined>;
  /**
   * Public and internal events of one request, oldest first (at equal times,
   * in the order they happened). Event ids are opaque strings, unique and
   * stable; empty when the request does not exist in the jurisdiction.
   */
  listEvents(jurisdiction_id: string, request_id: string, options?: { includeInternal?: boolean }): Promise<RequestEvent[]>;
  /**
   * Events of several requests at once (for list responses with extensions),
   * oldest first. Public events only unless `includeInternal`; every asked id
   * is a key of the map (an empty list when unknown).
   */
  listEventsFor(request_ids: string[], options?: { includeInternal?: boolean }): Promise<Map<string, RequestEvent[]>>;
  /**
   * Adds a `comment` event in the request's current status; a public one also
   * moves `updated_at`. Undefined when the request does not exist.
   * (Optional in the contract; the Kysely store always has it.)
   */
  addComment?(c: NewComment): Promise<RequestEvent | undefined>;
  /**
   * Public status-change and comment events in a time range, oldest first
   * (mySociety updates), imported status changes included (at their
   * `updated_at`). At equal times, imported changes come first.
   */
  listPublicUpdates(jurisdiction_id: string, from: number, to: number, limit: number): Promise<(RequestEvent & { request_id: string })[]>;
  getMedia(id: string): Promise<StoredMedia | undefined>;
  /**
   * Bulk load in large transactions; returns the number of rows written.
   * Each row's history is `submitted` at `requested_at` and, for a status
   * other than `open`, a public status change at `updated_at` with
   * `status_notes`. Best fed one long source: a large load into a small
   * database builds the indexes once at the end instead of updating them.
   */
  importRequests(rows: ImportSource, onProgress?: (n: number) => void): Promise<number>;

  createApiKey(input: NewApiKey): Promise<{ key: ApiKey; secret: string }>;
  findApiKey(secret: string): Promise<ApiKey | undefined>;
  listApiKeys(): Promise<ApiKey[]>;
  revokeApiKey(id: string): Promise<boolean>;
  /** Per API key, how many requests of the service it posted since `since` (most first); requests without a key are left out. */
  postersOf(jurisdiction_id: string, service_code: string, since: number): Promise<{ api_key_id: string; requests: number }[]>;

  /**
   * Without `jurisdictions`, an admin token is global and any other works on the
   * primary jurisdiction. Throws on a global token of another role than admin.
   */
  createStaffToken(input: { name: string; role: StaffRole; jurisdictions?: JurisdictionScope }): Promise<{ token: StaffToken; secret: string }>;
  findStaffToken(secret: string): Promise<StaffToken | undefined>;
  /** Oldest first; with `within`, only the tokens whose scope lies within it. */
  listStaffTokens(within?: JurisdictionScope): Promise<StaffToken[]>;
  revokeStaffToken(id: string): Promise<boolean>;
}
