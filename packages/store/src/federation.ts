/**
 * The federated endpoint's outbox (issue 11): requests accepted by the router
 * for an upstream endpoint of the registry, stored before they are answered
 * and delivered later by a job, and the upstream credentials the router holds.
 * Part of the {@link Store} as `store.federation`. Times are epoch milliseconds.
 *
 * Credentials reach the store already encrypted (the router encrypts them
 * with a secret the store never sees): the store keeps opaque text.
 */

import type { RequestChannel } from '@o311/georeport';

/** Where a federated request is on its way upstream. */
export const FEDERATED_STATES = ['queued', 'delivered', 'failed', 'dead'] as const;
export type FederatedState = (typeof FEDERATED_STATES)[number];

/** What the upstream is sent, apart from the reporter's contact data. */
export interface FederatedFields {
  lat: number | null;
  long: number | null;
  address_string: string | null;
  address_id: string | null;
  zipcode: string | null;
  description: string | null;
  media_url: string | null;
  attributes: Record<string, string | string[]>;
}

/** The reporter's contact data: kept apart so that it can be erased (eraseContact). Never public. */
export interface FederatedContact {
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  device_id: string | null;
}

export interface NewFederatedRequest {
  /** The registry endpoint that owns the service. */
  endpoint_slug: string;
  /** The upstream's own service code (not namespaced). */
  service_code: string;
  fields: FederatedFields;
  contact: FederatedContact;
  account_id: string | null;
  /** The API key of this server the client posted with. */
  api_key_id: string | null;
  /**
   * How the report reached this server (the citizen app's form: `web`, or
   * `app` when installed), given to a local endpoint's request; `api` when not said.
   */
  channel?: RequestChannel;
}

/**
 * A one-time key of the client's (the citizen form's token): the same key,
 * under the same API key, for the same service stores the request once and
 * answers the first one again; for another service it is IdempotencyKeyReused.
 */
export interface FederatedOnce {
  key: string;
}

export interface FederatedRequest extends Omit<NewFederatedRequest, 'channel'> {
  channel: RequestChannel;
  /** Stable and unique: the Idempotency-Key and the marker sent upstream. */
  id: string;
  /** What the client was given to resolve the request later (tokens/{token}). */
  token: string;
  state: FederatedState;
  /** Delivery attempts started. */
  attempts: number;
  /** The last failure (an upstream refusal for `failed`), bounded. */
  last_error: string | null;
  /** The upstream's token while a batch service has not given an id. */
  upstream_token: string | null;
  upstream_id: string | null;
  created_at: number;
  updated_at: number;
  /** When the last attempt started. */
  last_attempt_at: number | null;
  delivered_at: number | null;
}

export interface FederatedFilter {
  endpoint_slug?: string;
  states?: readonly FederatedState[];
  /** Only requests stored before this time. */
  created_before?: number;
  limit: number;
  offset: number;
}

/** The longest error kept; longer ones are cut. */
export const MAX_FEDERATED_ERROR = 1000;

export interface FederationStore {
  /**
   * Stores the request, queued, with a fresh token (one statement) and a fresh
   * id, or with `once` an id that key makes (see FederatedOnce).
   */
  create(r: NewFederatedRequest, at: number, once?: FederatedOnce): Promise<FederatedRequest>;
  get(id: string): Promise<FederatedRequest | undefined>;
  getByToken(token: string): Promise<FederatedRequest | undefined>;
  /** Counts an attempt starting at `at`; undefined unless the request is queued or dead (a dead one becomes queued). */
  markAttempt(id: string, at: number): Promise<FederatedRequest | undefined>;
  /** A retryable failure: the request stays queued with the error kept. */
  recordError(id: string, error: string, at: number): Promise<boolean>;
  /** The upstream answered a token: kept until it resolves to an id. */
  recordUpstreamToken(id: string, token: string, at: number): Promise<boolean>;
  /**
   * Final: the upstream took it, with its id (null when it gives none, as a
   * blackbox service may). False unless the request was queued.
   */
  markDelivered(id: string, upstream_id: string | null, at: number): Promise<boolean>;
  /** Final: the upstream refused it (4xx); not retried unless an admin requeues it. */
  markFailed(id: string, error: string, at: number): Promise<boolean>;
  /** Retries exhausted; waits for an admin. */
  markDead(id: string, error: string, at: number): Promise<boolean>;
  /** A failed or dead request is queued again (an admin's retry); false in any other state. */
  requeue(id: string, at: number): Promise<boolean>;
  /** Newest first (created_at, then id). */
  list(f: FederatedFilter): Promise<FederatedRequest[]>;
  count(f: Omit<FederatedFilter, 'limit' | 'offset'>): Promise<number>;
  /** Every request made with the account, newest first (at most `limit`, default 500). */
  listByAccount(account_id: string, limit?: number): Promise<FederatedRequest[]>;
  /** Erases the contact data and the account id of the account's requests; how many were changed. */
  eraseContact(account_id: string): Promise<number>;

  /** Stores (or with null removes) the endpoint's encrypted upstream API key; false when the endpoint is unknown. */
  setCredential(slug: string, sealed: string | null): Promise<boolean>;
  /** The encrypted upstream API key, or undefined when none is set (or the endpoint is unknown). */
  credential(slug: string): Promise<string | undefined>;
}
