/**
 * What the staff login throttle keeps in the database, so that every server
 * process on it counts the same failures. Keys are opaque to the store (the
 * caller hashes what they stand for: an account, an address, or both).
 */
export interface FailureCount {
  count: number;
  /** The oldest and the newest counted failure. */
  first: number;
  last: number;
}

export interface LoginAttempts {
  /** Failures at or after `since`, per key; keys without any are absent. */
  countFailures(keys: readonly string[], since: number): Promise<Map<string, FailureCount>>;
  /** One failed attempt, counted under each key; failures before `forgetBefore` (any key) are deleted. */
  recordFailure(keys: readonly string[], at: number, forgetBefore: number): Promise<void>;
  /** A successful login: forgets the failures under `clear` and remembers `known` (an account and address pair). */
  recordSuccess(clear: readonly string[], known: string, at: number): Promise<void>;
  isKnown(known: string): Promise<boolean>;
}
