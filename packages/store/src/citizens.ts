/**
 * Optional citizen accounts (issue 11, "one citizen record"): an account is an
 * e-mail address proven by a sign-in link, nothing more: no password, no name.
 * The link and the session secrets are stored as SHA-256 digests only
 * (secrets.ts). Reports belong to an account through `reporter.account_id`:
 * those made while signed in, and those made with the account's address
 * before, which the account claims when the address is proven (a link used).
 * Times are epoch milliseconds (UTC).
 */
import type { Follower } from './back-office.js';
import type { StoredRequest } from './contract.js';

export interface CitizenAccount {
  /** Random and never public: reports carry it as `reporter.account_id`. */
  id: string;
  /** Lower-cased; unique. */
  email: string;
  created_at: number;
  last_sign_in_at: number;
  /** A mail when one of the account's open requests is past its expected date (default on). */
  reminders: boolean;
  /** The language of the account's mail, as of its last sign-in; null = the default. */
  locale: string | null;
}

export interface CitizenSession {
  id: string;
  account_id: string;
  /** Synchronizer token of the session's forms. */
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface NewSignInLink {
  email: string;
  /** The language of the mail, kept for the account the link creates or signs in to. */
  locale: string | null;
  ttl_ms: number;
  at: number;
}

/** Reports made with the account's address and no account, given to the account at a sign-in. */
export interface ReportsClaimed {
  requests: number;
  /** Requests made through the federated endpoint. */
  federated: number;
}

/** A consumed link: the account (created on first use) and a new session, whose secret goes in the cookie. */
export type SignInLinkUse =
  | { ok: true; account: CitizenAccount; created: boolean; session: CitizenSession; secret: string; claimed: ReportsClaimed }
  /** `unknown`: no such link (or erased with its account); `used`: consumed before; `expired`: too old. */
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** A request of an account that is open past its expected date. */
export interface OverdueRequest {
  account: CitizenAccount;
  request: StoredRequest;
}

/** What deleting an account erased, by kind (counts only: the audit log keeps them, never the address). */
export interface AccountErasure {
  /** Requests whose reporter contact data (e-mail, names, phone, device, account id) was erased. */
  requests: number;
  /** Requests made through the federated endpoint whose contact data was erased. */
  federated: number;
  follows: number;
  mails: number;
  /** Mail received from the address by the e-mail intake. */
  received: number;
  links: number;
  sessions: number;
}

export interface CitizenStore {
  /** A single-use link for `email` (lower-cased here); its secret is returned once, here. */
  createSignInLink(input: NewSignInLink): Promise<{ secret: string; expires_at: number }>;
  /**
   * Consumes the link at most once (also when used twice at the same time) and
   * unless expired: finds or creates the account of its address, opens a
   * session, makes the address's other unused links unusable, and claims the
   * reports made with the address (compared lower-cased) that belong to no
   * account, local and federated; one transaction.
   */
  useSignInLink(secret: string, session: { ttl_ms: number }, at: number): Promise<SignInLinkUse>;
  /** A live session (not revoked, not expired at `at`) with its account. */
  findSession(secret: string, at: number): Promise<{ session: CitizenSession; account: CitizenAccount } | undefined>;
  touchSession(id: string, at: number): Promise<void>;
  /** True when a live session was revoked. */
  revokeSession(id: string, at: number): Promise<boolean>;

  getAccount(id: string): Promise<CitizenAccount | undefined>;
  /** False when the account does not exist. */
  setReminders(account_id: string, on: boolean): Promise<boolean>;

  /** The account's requests, every jurisdiction, newest first (`requested_at` desc, then id desc). */
  listRequests(account_id: string, page: { limit: number; offset: number }): Promise<StoredRequest[]>;
  countRequests(account_id: string): Promise<number>;
  /** Requests of the address's followers rows (confirmed or not), newest first. */
  listFollows(email: string): Promise<Follower[]>;
  /** Stops the address following the request; false when it did not. */
  unfollow(email: string, jurisdiction_id: string, request_id: string): Promise<boolean>;

  /**
   * Open requests of accounts with reminders on whose expected date passed in
   * [from, to), ordered by expected date then id; `after` continues a page.
   */
  listOverdue(f: { from: number; to: number; limit: number; after?: { expected_at: number; id: string } }): Promise<OverdueRequest[]>;

  /**
   * Erases the account and the contact data it left, in one transaction: the
   * reporter fields of its requests, local and federated (the requests stay,
   * public), the followers rows and every outbox message of its address, its
   * sign-in links and sessions, the account; and appends an audit entry
   * without the address.
   * Undefined when there is no such account.
   */
  deleteAccount(account_id: string, at: number): Promise<AccountErasure | undefined>;
  /** Forgets links and sessions that expired before `before`; returns how many rows went. */
  prune(before: number): Promise<number>;
}
