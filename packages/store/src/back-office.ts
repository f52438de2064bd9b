/**
 * What the staff back office and the citizen pages need beyond GeoReport:
 * staff accounts and sessions, departments, triage of requests, an audit log,
 * response templates, saved filters, followers of a request and an e-mail outbox.
 * Part of the {@link Store} contract; times are epoch milliseconds (UTC).
 */
import type { MailThreading } from './mail-intake.js';
import type { ExtendedStatus, RequestChannel } from '@o311/georeport';
import type { RequestFilter, StaffRole, StoredRequest } from './contract.js';
import type { JurisdictionScope } from './scope.js';
import type { ServiceMove, ServiceMoveResult } from './service-move.js';

export interface Department {
  id: string;
  jurisdiction_id: string;
  name: string;
  email: string | null;
}

export interface StaffUser {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  role: StaffRole;
  /** The jurisdictions the user works on; only admins may be global. */
  jurisdictions: JurisdictionScope;
  department_id: string | null;
  /** An agent who may log requests for callers (the contact centre, issue 15); admins may without it. */
  call_taker: boolean;
  active: boolean;
  /** Preferred UI language (`en`, `es`, `fr`), null = from the browser. */
  locale: string | null;
  created_at: number;
  /** Consecutive failed logins since the last success. */
  failed_logins: number;
  locked_until: number | null;
}

export interface NewStaffUser {
  email: string;
  name: string;
  role: StaffRole;
  department_id: string | null;
  /** An argon2id PHC string; hashing is the caller's job. */
  password_hash: string;
  locale?: string | null;
  /** Default: false. */
  call_taker?: boolean;
  /** Default: global for an admin, the primary jurisdiction for any other role. */
  jurisdictions?: JurisdictionScope;
}

/**
 * A non-admin left global (role changed, scope not given) gets the primary
 * jurisdiction; a global scope for another role than admin throws.
 */
export type StaffUserPatch = Partial<Pick<StaffUser, 'name' | 'role' | 'department_id' | 'call_taker' | 'active' | 'locale' | 'jurisdictions'>> & {
  password_hash?: string;
};

export interface StaffSession {
  id: string;
  user_id: string;
  /** Synchronizer token for forms and `X-CSRF-Token` of this session. */
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  revoked_at: number | null;
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Staff-only facts about a request (never public). */
export interface Triage {
  assigned_department_id: string | null;
  assigned_user_id: string | null;
  priority: Priority;
  /** The request this one duplicates (its status is then usually `duplicate`). */
  duplicate_of: string | null;
}

export type TriagedRequest = StoredRequest & Triage;

export interface TriageChange {
  jurisdiction_id: string;
  request_id: string;
  /** Who did it: a staff user id or `token:<id>`; written to the audit log. */
  actor: string;
  assigned_department_id?: string | null;
  assigned_user_id?: string | null;
  priority?: Priority;
  duplicate_of?: string | null;
  /** The public `expected_datetime`; moves `updated_at` and the data version. */
  expected_at?: number | null;
  /** Added to the details of every audit entry, e.g. the channel of the change. */
  audit_details?: Record<string, unknown>;
  /** When; defaults to now. */
  at?: number;
}

/** The staff inbox: GeoReport filters plus the back office's own. */
export interface InboxFilter extends Omit<RequestFilter, 'statuses'> {
  /** Public statuses (`open`, `closed`) or extended ones (`in_progress`…); either matches. */
  statuses?: (ExtendedStatus | 'open' | 'closed')[];
  /** Case-insensitive substring of description, address, status notes, id or service name. */
  text?: string;
  assigned_department_id?: string;
  assigned_user_id?: string;
  /** Only requests assigned to nobody. */
  unassigned?: boolean;
  priorities?: Priority[];
  /** How the requests reached the city (issue 15); any of these. */
  channels?: RequestChannel[];
  sort?: { by: 'requested_at' | 'updated_at' | 'expected_at' | 'priority'; direction: 'asc' | 'desc' };
}

export interface AuditEntry {
  id: string;
  at: number;
  actor: string;
  /** e.g. `request.status`, `request.assign`, `service.save`, `user.create`, `login.failed`. */
  action: string;
  jurisdiction_id: string | null;
  request_id: string | null;
  /** What changed, e.g. `{ from: 'open', to: 'closed' }`. */
  details: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: number };

export interface ResponseTemplate {
  id: string;
  jurisdiction_id: string;
  name: string;
  body: string;
  /** The status the template is meant for, e.g. `closed`; null = any. */
  status: ExtendedStatus | null;
}

export interface SavedFilter {
  id: string;
  user_id: string;
  name: string;
  /** The inbox query string, e.g. `status=open&service=POTHOLE`. */
  query: string;
}

export interface Follower {
  id: string;
  jurisdiction_id: string;
  request_id: string;
  email: string;
  created_at: number;
  /** Null until the follower clicks the confirmation link (double opt-in). */
  confirmed_at: number | null;
  /** The language of the e-mails (`en`, `es`…), as chosen when following; null = the default. */
  locale: string | null;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  created_at: number;
  sent_at: number | null;
  attempts: number;
  last_error: string | null;
  /** Headers that keep the mail in its reader's thread (a request filed by e-mail); else null. */
  threading: MailThreading | null;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'to' | 'subject' | 'text' | 'html'> & { threading?: MailThreading | null };

export interface OutboxFilter {
  unsent?: boolean;
  /** Only messages no delivery was attempted for yet. */
  untried?: boolean;
  /** `to` must match exactly. */
  to?: string;
  /** Created at or after (epoch ms). */
  createdFrom?: number;
  /** Created before (epoch ms). */
  createdBefore?: number;
  limit: number;
}

/** A new staff user, or why not: another user has the e-mail address (also when both were created at once). */
export type UserCreation = { ok: true; user: StaffUser } | { ok: false; reason: 'email-taken' };

export interface BackOfficeStore {
  // ---- staff accounts and sessions ----
  /** Throws when the e-mail address is taken: for seeding; the admin pages use `addUser`. */
  createUser(u: NewStaffUser): Promise<StaffUser>;
  addUser(u: NewStaffUser): Promise<UserCreation>;
  getUser(id: string): Promise<StaffUser | undefined>;
  /** With the password hash, for logging in. Email compared case-insensitively. */
  findUserByEmail(email: string): Promise<(StaffUser & { password_hash: string }) | undefined>;
  /** By e-mail; with `within`, only the users whose scope lies within it. */
  listUsers(within?: JurisdictionScope): Promise<StaffUser[]>;
  updateUser(id: string, patch: StaffUserPatch): Promise<StaffUser | undefined>;
  /** Counts a failure; once `failed_logins` reaches `maxFailures`, sets `locked_until = at + lockMs`. */
  recordLoginFailure(id: string, at: number, lockout: { maxFailures: number; lockMs: number }): Promise<StaffUser | undefined>;
  /** Resets the failure count and the lock. */
  recordLoginSuccess(id: string): Promise<void>;

  /** The secret goes in the cookie; only its hash is stored. */
  createSession(input: { user_id: string; ttl_ms: number; at?: number }): Promise<{ session: StaffSession; secret: string }>;
  /** A live session (not revoked, not expired at `at`) with its active user; undefined otherwise. */
  findSession(secret: string, at?: number): Promise<{ session: StaffSession; user: StaffUser } | undefined>;
  touchSession(id: string, at: number): Promise<void>;
  revokeSession(id: string): Promise<boolean>;
  /** All sessions of a user (password change, deactivation). */
  revokeUserSessions(user_id: string): Promise<number>;

  listDepartments(jurisdiction_id: string): Promise<Department[]>;
  /** Insert (no id) or update. */
  saveDepartment(d: Omit<Department, 'id'> & { id?: string }): Promise<Department>;
  /** Refuses (false) while requests or users are assigned to it. */
  deleteDepartment(id: string): Promise<boolean>;

  // ---- triage ----
  getTriagedRequest(jurisdiction_id: string, id: string): Promise<TriagedRequest | undefined>;
  listInbox(f: InboxFilter): Promise<TriagedRequest[]>;
  countInbox(f: Omit<InboxFilter, 'limit' | 'offset' | 'sort'>): Promise<number>;
  /** Applies the given fields and writes one audit entry per changed field, in one transaction. */
  updateTriage(c: TriageChange): Promise<TriagedRequest | undefined>;
  /** Moves the request to another active service of its jurisdiction (service-move.ts); a refusal writes nothing. */
  moveRequestService(m: ServiceMove): Promise<ServiceMoveResult>;

  // ---- audit ----
  appendAudit(e: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  listAudit(f: { request_id?: string; jurisdiction_id?: string; actor?: string; limit: number; before?: number }): Promise<AuditEntry[]>;

  // ---- templates and saved filters ----
  listTemplates(jurisdiction_id: string): Promise<ResponseTemplate[]>;
  saveTemplate(t: Omit<ResponseTemplate, 'id'> & { id?: string }): Promise<ResponseTemplate>;
  deleteTemplate(id: string): Promise<boolean>;
  listSavedFilters(user_id: string): Promise<SavedFilter[]>;
  saveFilter(f: Omit<SavedFilter, 'id'> & { id?: string }): Promise<SavedFilter>;
  deleteSavedFilter(user_id: string, id: string): Promise<boolean>;

  // ---- followers and e-mail ----
  /**
   * Idempotent per (request, email): a repeat returns a new confirm secret and the
   * follower's unchanged unsubscribe secret (links in earlier e-mails keep working).
   */
  addFollower(input: { jurisdiction_id: string; request_id: string; email: string; locale?: string | null; at?: number }): Promise<{
    follower: Follower; confirmSecret: string; unsubscribeSecret: string;
  }>;
  confirmFollower(confirmSecret: string, at?: number): Promise<Follower | undefined>;
  /** Removes the follower; undefined when the secret is unknown. */
  unsubscribe(unsubscribeSecret: string): Promise<Follower | undefined>;
  /** The follower the unsubscribe secret names; undefined when unknown (or already gone). */
  findFollowerToUnsubscribe(unsubscribeSecret: string): Promise<Follower | undefined>;
  /** With each follower's unsubscribe secret, which every e-mail must carry. */
  listConfirmedFollowers(jurisdiction_id: string, request_id: string): Promise<(Follower & { unsubscribeSecret: string })[]>;

  enqueueMail(m: NewOutboxMessage, at?: number): Promise<OutboxMessage>;
  /**
   * Queues the message unless one was queued under `onceKey` before (then
   * undefined): a retried job that mails several people mails each once.
   */
  enqueueMailOnce(m: NewOutboxMessage, onceKey: string, at?: number): Promise<OutboxMessage | undefined>;
  getMail(id: string): Promise<OutboxMessage | undefined>;
  /** Oldest first. */
  listOutbox(f: OutboxFilter): Promise<OutboxMessage[]>;
  markMailSent(id: string, at: number): Promise<void>;
  markMailFailed(id: string, error: string): Promise<void>;
  /** Forgets messages sent before `before` and unsent ones queued before it; returns how many. */
  pruneOutbox(before: number): Promise<number>;

  // ---- settings shared by every process on the database ----
  getSetting(name: string): Promise<string | undefined>;
  /** Stores `value` unless the setting exists; returns the value that is stored (the first writer wins). */
  claimSetting(name: string, value: string): Promise<string>;
  /** Compare-and-set: replaces `expected` by `value`; false when another process changed it first. */
  replaceSetting(name: string, expected: string, value: string): Promise<boolean>;
}
