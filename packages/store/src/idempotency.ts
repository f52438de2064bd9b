/**
 * Idempotency keys of new requests (the `Idempotency-Key` header of POST
 * requests). A key is claimed in the same transaction as the request it
 * creates, under the API key that posted it: a process that dies before the
 * commit leaves neither, and a second claim of the same key waits for the
 * first one's transaction (PostgreSQL) or follows it in the one writer's
 * order (SQLite), then finds the request it created.
 */

/** What a new request claims (see NewRequest.idempotency). */
export interface IdempotencyClaim {
  /** The client's key, as it sent it (the server bounds it). */
  key: string;
  /**
   * What the submission was, as the caller sums it up (e.g. a hash of the
   * fields): the same key with another fingerprint is refused with
   * IdempotencyKeyReused, never answered with the first request.
   */
  fingerprint: string;
}

/** The keys kept for replays. */
export interface IdempotencyKeys {
  /** Forgets the keys claimed before `before` (epoch ms); returns how many. */
  prune(before: number): Promise<number>;
}

/** The same key (of the same API key) was claimed earlier by a different submission. */
export class IdempotencyKeyReused extends Error {
  readonly kind = 'idempotency-key-reused' as const;

  constructor() {
    super('This Idempotency-Key was already used by this api_key for a different submission.');
    this.name = 'IdempotencyKeyReused';
  }
}
