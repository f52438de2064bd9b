/**
 * Self-service API keys (issue 14, item 11): a developer's request for a key,
 * from the e-mail verification to the key issued or the request refused, and
 * what admins need beside the keys themselves (each key's owner and use, its
 * limits). Part of the {@link Store} as `store.keyRequests`. Times are epoch
 * milliseconds (UTC). The verification link's secret is kept as its SHA-256
 * only (secrets.ts), like every secret handed out once.
 */
import type { ApiKey } from './contract.js';

export const KEY_REQUEST_STATES = [
  /** Waiting for the developer to follow the link mailed to them (until `verify_expires_at`). */
  'unverified',
  /** Verified; waiting for an admin (or, without approval, for the key to be issued). */
  'pending',
  /** A key was issued (`api_key_id`). */
  'issued',
  'refused',
  /** Never verified: the link expired. */
  'expired',
] as const;
export type KeyRequestState = (typeof KEY_REQUEST_STATES)[number];

/** The most characters of each field the store keeps (the forms refuse longer). */
export const KEY_REQUEST_LIMITS = { email: 254, name: 200, app_name: 200, app_url: 2000, purpose: 2000 } as const;

export interface NewKeyRequest {
  /** Lower case: one open request per address. */
  email: string;
  name: string;
  app_name: string;
  app_url: string;
  purpose: string;
  /** The language the developer used (their mails are written in it). */
  locale: string;
  /** SHA-256 of the terms of use the developer accepted (the text may change later). */
  terms_digest: string;
  /** SHA-256 of the verification link's secret. */
  verify_hash: string;
  verify_expires_at: number;
}

export interface KeyRequest extends Omit<NewKeyRequest, 'verify_hash'> {
  id: string;
  state: KeyRequestState;
  created_at: number;
  verified_at: number | null;
  decided_at: number | null;
  /** The admin (an audit actor) who approved or refused; null when issued without approval. */
  decided_by: string | null;
  api_key_id: string | null;
}

export type CreatedKeyRequest = { ok: true; request: KeyRequest } | { ok: false; reason: 'duplicate' };

/** Who asked for a key: shown to admins only. */
export interface KeyOwner {
  api_key_id: string;
  email: string;
  name: string;
  app_name: string;
  app_url: string;
}

/** Requests posted with a key. */
export interface KeyUsage {
  api_key_id: string;
  requests: number;
  last_request_at: number;
}

export interface KeyLimits {
  rate_limit_per_minute: number;
  /** The one jurisdiction the key may post to; null: any. */
  jurisdiction_id: string | null;
}

export interface KeyRequestStore {
  /**
   * Records a request. An address with an open request (unverified and not
   * expired, or pending) is refused as `duplicate`; an expired one is closed first.
   */
  create(input: NewKeyRequest, now: number): Promise<CreatedKeyRequest>;
  get(id: string): Promise<KeyRequest | undefined>;
  /** The request whose verification secret has this hash, whatever its state. */
  findByVerification(verifyHash: string): Promise<KeyRequest | undefined>;
  /** unverified → pending, if the link has not expired; undefined when it had (or was used). */
  verify(id: string, now: number): Promise<KeyRequest | undefined>;
  /** pending → issued with its key, or refused; undefined when not pending (decided before). */
  decide(id: string, decision: { state: 'issued'; api_key_id: string } | { state: 'refused' }, by: string | null, now: number): Promise<KeyRequest | undefined>;
  /** Newest first; `states` narrows (default: all). At most 1,000. */
  list(filter: { states?: readonly KeyRequestState[]; limit: number }): Promise<KeyRequest[]>;
  /** The owners of keys issued through requests. */
  keyOwners(): Promise<KeyOwner[]>;
  /** Requests posted with each key that posted any (one pass over the requests: admin pages only). */
  keyUsage(): Promise<KeyUsage[]>;
  /**
   * Forgets requests that never led to a key (expired, refused, or unverified past their link)
   * created before `before`; issued ones stay (they name a key's owner). Returns how many.
   */
  prune(before: number, now: number): Promise<number>;
  /** Sets a key's limits; the key, or undefined when there is none with this id. */
  limitKey(id: string, limits: KeyLimits): Promise<ApiKey | undefined>;
}
