/**
 * The Store: one Kysely implementation for both dialects, delegating each
 * concept to its repository module. Only `importRequests` goes around the
 * query builder, through the dialect adapter.
 */
import type {
  AuditEntry,
  Department,
  Follower,
  InboxFilter,
  NewAuditEntry,
  NewOutboxMessage,
  NewStaffUser,
  OutboxFilter,
  OutboxMessage,
  ResponseTemplate,
  SavedFilter,
  StaffSession,
  StaffUser,
  StaffUserPatch,
  TriageChange,
  TriagedRequest,
  UserCreation,
} from './back-office.js';
import type {
  ApiKey,
  Dialect,
  ImportSource,
  Jurisdiction,
  NewApiKey,
  NewComment,
  CreatedRequest,
  NewRequest,
  NewService,
  PublicStoredRequest,
  RateLimitCounters,
  RequestEvent,
  RequestFilter,
  ServiceRecord,
  StaffRole,
  StaffToken,
  StatusChange,
  Store,
  StoredMedia,
  StoredRequest,
} from './contract.js';
import type { DialectAdapter } from './dialects/adapter.js';
import type { Boundary, BoundarySummary, Endpoint, EndpointCheck, EndpointFilter, NewBoundary, NewEndpoint } from './registry.js';
import type { LoginAttempts } from './login-attempts.js';
import type { FederationStore } from './federation.js';
import type { IdempotencyKeys } from './idempotency.js';
import type { CitizenStore } from './citizens.js';
import type { MonitorStore } from './monitor.js';
import type { ValidationStore } from './validation-runs.js';
import type { JurisdictionScope } from './scope.js';
import type { Database } from './schema/tables.js';
import type { Trx } from './repositories/shared.js';
import { GroupCommit } from './group-commit.js';
import { migrateToLatest } from './schema/migrations.js';
import * as apiKeys from './repositories/api-keys.js';
import { clearRequests } from './repositories/clear-requests.js';
import * as audit from './repositories/audit.js';
import * as departments from './repositories/departments.js';
import * as registryBoundaries from './repositories/registry-boundaries.js';
import * as registryEndpoints from './repositories/registry-endpoints.js';
import { bumpRegistryRevision, registryRevision } from './repositories/registry-revision.js';
import * as events from './repositories/events.js';
import * as followers from './repositories/followers.js';
import { importRequests } from './repositories/import.js';
import * as inbox from './repositories/inbox.js';
import * as jurisdictions from './repositories/jurisdictions.js';
import { loginAttempts } from './repositories/login-attempts.js';
import { federatedRequests } from './repositories/federated-requests.js';
import { createRequestOnce, idempotencyKeys } from './repositories/idempotency-keys.js';
import { citizenAccounts } from './repositories/citizen-accounts.js';
import { monitorStore } from './repositories/monitor.js';
import { requestChanges } from './repositories/request-changes.js';
import type { RequestChanges } from './changes.js';
import type { DashboardStore } from './dashboard.js';
import { dashboardStore } from './repositories/dashboard.js';
import type { WebhookStore } from './webhooks.js';
import { webhookStore } from './repositories/webhooks.js';
import type { ModerationStore } from './moderation.js';
import { moderationStore } from './repositories/moderation.js';
import type { ReporterStore } from './reporter.js';
import { reporterStore } from './repositories/reporter.js';
import type { KeyRequestStore } from './key-requests.js';
import { keyRequestStore } from './repositories/key-requests.js';
import type { SupporterStore } from './supporters.js';
import type { SmsStore } from './sms.js';
import { smsStore } from './repositories/sms.js';
import { supporterStore } from './repositories/supporters.js';
import type { MailIntakeStore } from './mail-intake.js';
import { mailIntakeStore } from './repositories/mail-intake.js';
import type { CallerStore } from './callers.js';
import { callerStore } from './repositories/callers.js';
import type { GazetteerStore } from './gazetteer.js';
import { gazetteerStore } from './repositories/gazetteer.js';
import { validationRuns } from './repositories/validation-runs.js';
import * as media from './repositories/media.js';
import * as outbox from './repositories/outbox.js';
import { postersOf } from './repositories/posters.js';
import { rateLimitCounters } from './repositories/rate-limits.js';
import * as settings from './repositories/settings.js';
import * as requests from './repositories/requests.js';
import { exportRequests } from './repositories/export-requests.js';
import type { ExportFilter } from './exports.js';
import { RequestCounts } from './repositories/request-counts.js';
import * as savedFilters from './repositories/saved-filters.js';
import * as services from './repositories/services.js';
import * as sessions from './repositories/sessions.js';
import * as staffTokens from './repositories/staff-tokens.js';
import * as staffUsers from './repositories/staff-users.js';
import * as templates from './repositories/templates.js';
import * as triage from './repositories/triage.js';
import * as serviceMove from './repositories/service-move.js';
import type { ServiceMove, ServiceMoveResult } from './service-move.js';

export class KyselyStore implements Store {
  readonly dialect: Dialect;
  readonly loginAttempts: LoginAttempts;
  readonly rateLimits: RateLimitCounters;
  readonly federation: FederationStore;
  readonly idempotencyKeys: IdempotencyKeys;
  readonly citizens: CitizenStore;
  readonly monitor: MonitorStore;
  readonly validations: ValidationStore;
  readonly changes: RequestChanges;
  readonly dashboard: DashboardStore;
  readonly webhooks: WebhookStore;
  readonly moderation: ModerationStore;
  readonly reporter: ReporterStore;
  readonly keyRequests: KeyRequestStore;
  readonly gazetteer: GazetteerStore;
  readonly supporters: SupporterStore;
  readonly mailIntake: MailIntakeStore;
  readonly sms: SmsStore;
  readonly callers: CallerStore;
  readonly #adapter: DialectAdapter;
  /** SQLite: concurrent new requests and federated outbox writes share a commit (see group-commit.ts). */
  readonly #group: GroupCommit<Database> | undefined;
  #closed: Promise<void> | undefined;
  /** Counts of the public list per data version (see request-counts.ts). */
  readonly #counts = new RequestCounts();

  constructor(adapter: DialectAdapter) {
    this.#adapter = adapter;
    this.dialect = adapter.dialect;
    this.loginAttempts = loginAttempts(adapter.db);
    this.rateLimits = rateLimitCounters(adapter.db);
    this.#group =
      adapter.dialect === 'sqlite'
        ? new GroupCommit(adapter.db, { beforeCommit: (trx) => adapter.bumpDataVersion(trx), afterCommit: () => adapter.committed() })
        : undefined;
    const group = this.#group;
    this.federation = federatedRequests(adapter.db, group && ((work) => group.run(work)));
    this.idempotencyKeys = idempotencyKeys(adapter.db);
    this.citizens = citizenAccounts(adapter.db);
    this.monitor = monitorStore(adapter.db, adapter.rowLocks);
    this.validations = validationRuns(adapter.db);
    this.changes = requestChanges(adapter.db);
    this.dashboard = dashboardStore(adapter);
    this.webhooks = webhookStore(adapter.db);
    this.moderation = moderationStore(adapter.db, (work, changed) => this.#write(work, changed), adapter.rowLocks);
    this.reporter = reporterStore(adapter.db);
    this.keyRequests = keyRequestStore(adapter.db);
    this.supporters = supporterStore(adapter.db);
    // Filing writes public data (a request): the data version moves on in its transaction.
    this.mailIntake = mailIntakeStore(adapter.db, (work) => this.#write(work));
    this.sms = smsStore(adapter.db);
    this.callers = callerStore(adapter.db);
    this.gazetteer = gazetteerStore(adapter);
  }

  get #db() {
    return this.#adapter.db;
  }

  async migrate(): Promise<void> {
    await migrateToLatest(this.#adapter);
    // A migration may change data (0002 removed stored history entries); each
    // runs in its own transaction, so the version moves once all are done.
    await this.#write(async () => undefined);
  }

  dataVersion(): Promise<string> {
    return this.#adapter.dataVersion();
  }

  /**
   * Runs a write of public data in ONE transaction that also moves the data
   * version on, as its last statement (dialects/adapter.ts `bumpDataVersion`):
   * every process sees the new version exactly when it sees the new data, and
   * a process that dies before the commit leaves neither. `changed` tells from
   * the result whether public data was written (default: always).
   */
  async #write<T>(work: (trx: Trx) => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
    let bumped = false;
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const result = await work(trx);
        if (changed(result)) {
          await this.#adapter.bumpDataVersion(trx);
          bumped = true;
        }
        return result;
      });
    } finally {
      if (bumped) await this.#adapter.committed();
    }
  }

  /** Idempotent. */
  close(): Promise<void> {
    return (this.#closed ??= this.#adapter.close());
  }

  listJurisdictions(): Promise<Jurisdiction[]> {
    return jurisdictions.listJurisdictions(this.#db);
  }
  getJurisdiction(id: string): Promise<Jurisdiction | undefined> {
    return jurisdictions.getJurisdiction(this.#db, id);
  }
  saveJurisdiction(j: Jurisdiction): Promise<Jurisdiction> {
    return this.#write((trx) => jurisdictions.saveJurisdiction(trx, j));
  }
  deleteJurisdiction(id: string): Promise<boolean> {
    return this.#write((trx) => jurisdictions.deleteJurisdiction(trx, id), (deleted) => deleted);
  }
  primaryJurisdiction(): Promise<Jurisdiction | undefined> {
    return jurisdictions.primaryJurisdiction(this.#db);
  }
  setPrimaryJurisdiction(id: string): Promise<boolean> {
    // Which jurisdiction answers calls without jurisdiction_id: public data.
    return this.#write((trx) => jurisdictions.setPrimaryJurisdiction(trx, id), (set) => set);
  }

  listServices(jurisdiction_id: string, options?: { includeInactive?: boolean }): Promise<ServiceRecord[]> {
    return services.listServices(this.#db, jurisdiction_id, options?.includeInactive ?? false);
  }
  getService(jurisdiction_id: string, code: string): Promise<ServiceRecord | undefined> {
    return services.getService(this.#db, jurisdiction_id, code);
  }
  saveService(s: NewService): Promise<ServiceRecord> {
    return this.#write((trx) => services.saveService(trx, s));
  }
  deleteService(jurisdiction_id: string, code: string): Promise<boolean> {
    return this.#write((trx) => services.deleteService(trx, jurisdiction_id, code), (deleted) => deleted);
  }
  clearRequests(jurisdiction_id: string): Promise<number> {
    return this.#write((trx) => clearRequests(trx, jurisdiction_id), (n) => n > 0);
  }
  servicesChangedAt(jurisdiction_id: string): Promise<number> {
    return services.servicesChangedAt(this.#db, jurisdiction_id);
  }

  createRequest(r: NewRequest): Promise<CreatedRequest> {
    if (this.#group) return this.#group.run((trx) => createRequestOnce(trx, r));
    return this.#write((trx) => createRequestOnce(trx, r), (created) => created.replayed !== true);
  }
  getRequest(jurisdiction_id: string, id: string): Promise<StoredRequest | undefined> {
    return requests.getRequest(this.#db, jurisdiction_id, id);
  }
  getRequestByToken(jurisdiction_id: string, token: string): Promise<StoredRequest | undefined> {
    return requests.getRequestByToken(this.#db, jurisdiction_id, token);
  }
  listRequests(f: RequestFilter): Promise<StoredRequest[]> {
    return requests.listRequests(this.#db, f, { probeAreas: this.#adapter.probeAreas });
  }
  listPublicRequests(f: RequestFilter): Promise<PublicStoredRequest[]> {
    return requests.listPublicRequests(this.#db, f, { probeAreas: this.#adapter.probeAreas });
  }
  getPublicRequest(jurisdiction_id: string, id: string): Promise<PublicStoredRequest | undefined> {
    return requests.getPublicRequest(this.#db, jurisdiction_id, id);
  }
  exportRequests(f: ExportFilter): AsyncIterable<PublicStoredRequest[]> {
    return exportRequests(this.#adapter.scanDb, f);
  }
  async countRequests(f: Omit<RequestFilter, 'limit' | 'offset'>): Promise<number> {
    const version = await this.#adapter.dataVersion();
    return this.#counts.count(f, version, (g) => requests.countRequests(this.#db, g, { probeAreas: this.#adapter.probeAreas }));
  }
  changeStatus(c: StatusChange): Promise<StoredRequest | undefined> {
    return this.#write((trx) => requests.changeStatus(trx, c), (r) => r !== undefined);
  }

  listEvents(jurisdiction_id: string, request_id: string, options?: { includeInternal?: boolean }): Promise<RequestEvent[]> {
    return events.listEvents(this.#db, jurisdiction_id, request_id, options?.includeInternal ?? false);
  }
  listEventsFor(request_ids: string[], options?: { includeInternal?: boolean }): Promise<Map<string, RequestEvent[]>> {
    return events.listEventsFor(this.#db, request_ids, options?.includeInternal ?? false);
  }
  listPublicUpdates(jurisdiction_id: string, from: number, to: number, limit: number): Promise<(RequestEvent & { request_id: string })[]> {
    return events.listPublicUpdates(this.#db, jurisdiction_id, from, to, limit);
  }
  addComment(c: NewComment): Promise<RequestEvent | undefined> {
    return this.#write((trx) => events.addComment(trx, c), (e) => e !== undefined);
  }

  getMedia(id: string): Promise<StoredMedia | undefined> {
    return media.getMedia(this.#db, id);
  }

  importRequests(rows: ImportSource, onProgress?: (n: number) => void): Promise<number> {
    // Each batch moves the data version on in its own transaction (adapter.importBatch).
    return importRequests(this.#adapter, rows, onProgress);
  }

  createApiKey(input: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
    return apiKeys.createApiKey(this.#db, input);
  }
  findApiKey(secret: string): Promise<ApiKey | undefined> {
    return apiKeys.findApiKey(this.#db, secret);
  }
  listApiKeys(): Promise<ApiKey[]> {
    return apiKeys.listApiKeys(this.#db);
  }
  revokeApiKey(id: string): Promise<boolean> {
    return apiKeys.revokeApiKey(this.#db, id);
  }
  postersOf(jurisdiction_id: string, service_code: string, since: number): Promise<{ api_key_id: string; requests: number }[]> {
    return postersOf(this.#db, jurisdiction_id, service_code, since);
  }

  createStaffToken(input: { name: string; role: StaffRole; jurisdictions?: JurisdictionScope }): Promise<{ token: StaffToken; secret: string }> {
    return staffTokens.createStaffToken(this.#db, input);
  }
  findStaffToken(secret: string): Promise<StaffToken | undefined> {
    return staffTokens.findStaffToken(this.#db, secret);
  }
  listStaffTokens(within?: JurisdictionScope): Promise<StaffToken[]> {
    return staffTokens.listStaffTokens(this.#db, within);
  }
  revokeStaffToken(id: string): Promise<boolean> {
    return staffTokens.revokeStaffToken(this.#db, id);
  }

  // The back office (back-office.ts) writes no public data, except `expected_at` in triage.

  createUser(u: NewStaffUser): Promise<StaffUser> {
    return staffUsers.createUser(this.#db, u);
  }
  addUser(u: NewStaffUser): Promise<UserCreation> {
    return staffUsers.addUser(this.#db, u);
  }
  getUser(id: string): Promise<StaffUser | undefined> {
    return staffUsers.getUser(this.#db, id);
  }
  findUserByEmail(email: string): Promise<(StaffUser & { password_hash: string }) | undefined> {
    return staffUsers.findUserByEmail(this.#db, email);
  }
  listUsers(within?: JurisdictionScope): Promise<StaffUser[]> {
    return staffUsers.listUsers(this.#db, within);
  }
  updateUser(id: string, patch: StaffUserPatch): Promise<StaffUser | undefined> {
    return staffUsers.updateUser(this.#db, id, patch);
  }
  recordLoginFailure(id: string, at: number, lockout: { maxFailures: number; lockMs: number }): Promise<StaffUser | undefined> {
    return staffUsers.recordLoginFailure(this.#db, id, at, lockout);
  }
  recordLoginSuccess(id: string): Promise<void> {
    return staffUsers.recordLoginSuccess(this.#db, id);
  }

  createSession(input: { user_id: string; ttl_ms: number; at?: number }): Promise<{ session: StaffSession; secret: string }> {
    return sessions.createSession(this.#db, input);
  }
  findSession(secret: string, at?: number): Promise<{ session: StaffSession; user: StaffUser } | undefined> {
    return sessions.findSession(this.#db, secret, at);
  }
  touchSession(id: string, at: number): Promise<void> {
    return sessions.touchSession(this.#db, id, at);
  }
  revokeSession(id: string): Promise<boolean> {
    return sessions.revokeSession(this.#db, id);
  }
  revokeUserSessions(user_id: string): Promise<number> {
    return sessions.revokeUserSessions(this.#db, user_id);
  }

  /** A registry change: the revision and the data version move in its transaction. */
  #registryWrite<T>(work: (trx: Trx) => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
    return this.#write(async (trx) => {
      const result = await work(trx);
      if (changed(result)) await bumpRegistryRevision(trx);
      return result;
    }, changed);
  }

  saveBoundary(b: NewBoundary, at = Date.now()): Promise<Boundary> {
    return this.#registryWrite((trx) => registryBoundaries.saveBoundary(trx, b, at));
  }
  saveBoundaries(list: readonly NewBoundary[], at = Date.now()): Promise<number> {
    return this.#registryWrite(async (trx) => {
      await registryBoundaries.saveBoundaries(trx, list, at);
      return list.length;
    }, (saved) => saved > 0);
  }
  getBoundary(id: string): Promise<Boundary | undefined> {
    return registryBoundaries.getBoundary(this.#db, id);
  }
  listBoundaries(): Promise<Boundary[]> {
    return registryBoundaries.listBoundaries(this.#db);
  }
  findBoundaries(text: string, limit: number): Promise<BoundarySummary[]> {
    return registryBoundaries.findBoundaries(this.#db, text, limit);
  }
  deleteBoundary(id: string): Promise<boolean> {
    return this.#registryWrite((trx) => registryBoundaries.deleteBoundary(trx, id), (deleted) => deleted);
  }
  saveEndpoint(e: NewEndpoint, at = Date.now()): Promise<Endpoint> {
    return this.#registryWrite((trx) => registryEndpoints.saveEndpoint(trx, e, at));
  }
  getEndpoint(slug: string): Promise<Endpoint | undefined> {
    return registryEndpoints.getEndpoint(this.#db, slug);
  }
  listEndpoints(f: EndpointFilter): Promise<Endpoint[]> {
    return registryEndpoints.listEndpoints(this.#db, f);
  }
  deleteEndpoint(slug: string): Promise<boolean> {
    return this.#registryWrite((trx) => registryEndpoints.deleteEndpoint(trx, slug), (deleted) => deleted);
  }
  recordEndpointCheck(slug: string, check: EndpointCheck): Promise<boolean> {
    return this.#registryWrite((trx) => registryEndpoints.recordEndpointCheck(trx, slug, check), (recorded) => recorded);
  }
  registryRevision(): Promise<number> {
    return registryRevision(this.#db);
  }

  listDepartments(jurisdiction_id: string): Promise<Department[]> {
    return departments.listDepartments(this.#db, jurisdiction_id);
  }
  saveDepartment(d: Omit<Department, 'id'> & { id?: string }): Promise<Department> {
    return departments.saveDepartment(this.#db, d);
  }
  deleteDepartment(id: string): Promise<boolean> {
    return departments.deleteDepartment(this.#db, id);
  }

  getTriagedRequest(jurisdiction_id: string, id: string): Promise<TriagedRequest | undefined> {
    return triage.getTriagedRequest(this.#db, jurisdiction_id, id);
  }
  listInbox(f: InboxFilter): Promise<TriagedRequest[]> {
    return inbox.listInbox(this.#db, f, { probeAreas: this.#adapter.probeAreas });
  }
  countInbox(f: Omit<InboxFilter, 'limit' | 'offset' | 'sort'>): Promise<number> {
    return inbox.countInbox(this.#db, f);
  }
  async updateTriage(c: TriageChange): Promise<TriagedRequest | undefined> {
    const { request } = await this.#write((trx) => triage.updateTriage(trx, c), (r) => r.publicChange);
    return request;
  }
  moveRequestService(m: ServiceMove): Promise<ServiceMoveResult> {
    return this.#write((trx) => serviceMove.moveRequestService(trx, m), (r) => r.ok);
  }

  appendAudit(e: NewAuditEntry): Promise<AuditEntry> {
    return audit.appendAudit(this.#db, e);
  }
  listAudit(f: audit.AuditQuery): Promise<AuditEntry[]> {
    return audit.listAudit(this.#db, f);
  }

  listTemplates(jurisdiction_id: string): Promise<ResponseTemplate[]> {
    return templates.listTemplates(this.#db, jurisdiction_id);
  }
  saveTemplate(t: Omit<ResponseTemplate, 'id'> & { id?: string }): Promise<ResponseTemplate> {
    return templates.saveTemplate(this.#db, t);
  }
  deleteTemplate(id: string): Promise<boolean> {
    return templates.deleteTemplate(this.#db, id);
  }
  listSavedFilters(user_id: string): Promise<SavedFilter[]> {
    return savedFilters.listSavedFilters(this.#db, user_id);
  }
  saveFilter(f: Omit<SavedFilter, 'id'> & { id?: string }): Promise<SavedFilter> {
    return savedFilters.saveFilter(this.#db, f);
  }
  deleteSavedFilter(user_id: string, id: string): Promise<boolean> {
    return savedFilters.deleteSavedFilter(this.#db, user_id, id);
  }

  addFollower(input: { jurisdiction_id: string; request_id: string; email: string; locale?: string | null; at?: number }): Promise<{
    follower: Follower;
    confirmSecret: string;
    unsubscribeSecret: string;
  }> {
    return followers.addFollower(this.#db, input);
  }
  confirmFollower(confirmSecret: string, at?: number): Promise<Follower | undefined> {
    return followers.confirmFollower(this.#db, confirmSecret, at);
  }
  findFollowerToUnsubscribe(unsubscribeSecret: string): Promise<Follower | undefined> {
    return followers.findByUnsubscribe(this.#db, unsubscribeSecret);
  }

  unsubscribe(unsubscribeSecret: string): Promise<Follower | undefined> {
    return followers.unsubscribe(this.#db, unsubscribeSecret);
  }
  listConfirmedFollowers(jurisdiction_id: string, request_id: string): Promise<(Follower & { unsubscribeSecret: string })[]> {
    return followers.listConfirmedFollowers(this.#db, jurisdiction_id, request_id);
  }

  enqueueMail(m: NewOutboxMessage, at?: number): Promise<OutboxMessage> {
    return outbox.enqueueMail(this.#db, m, at);
  }
  enqueueMailOnce(m: NewOutboxMessage, onceKey: string, at?: number): Promise<OutboxMessage | undefined> {
    return outbox.enqueueMailOnce(this.#db, m, onceKey, at);
  }
  getMail(id: string): Promise<OutboxMessage | undefined> {
    return outbox.getMail(this.#db, id);
  }
  listOutbox(f: OutboxFilter): Promise<OutboxMessage[]> {
    return outbox.listOutbox(this.#db, f);
  }
  pruneOutbox(before: number): Promise<number> {
    return outbox.pruneOutbox(this.#db, before);
  }

  markMailSent(id: string, at: number): Promise<void> {
    return outbox.markMailSent(this.#db, id, at);
  }
  markMailFailed(id: string, error: string): Promise<void> {
    return outbox.markMailFailed(this.#db, id, error);
  }

  getSetting(name: string): Promise<string | undefined> {
    return settings.getSetting(this.#db, name);
  }
  claimSetting(name: string, value: string): Promise<string> {
    return settings.claimSetting(this.#db, name, value);
  }
  replaceSetting(name: string, expected: string, value: string): Promise<boolean> {
    return settings.replaceSetting(this.#db, name, expected, value);
  }
}
