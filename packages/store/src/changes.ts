/**
 * The request change feed (issue 13): one row per change to a request's public
 * record, written in the same transaction as the change, so that consumers
 * (webhooks, the dashboard's rollups) see every committed change exactly as
 * committed and nothing that was rolled back. Consumers read it in id order
 * from a cursor of their own. Part of the {@link Store} as `store.changes`.
 */

export const REQUEST_CHANGE_KINDS = [
  /** A new request. */
  'created',
  /** Its public record changed (status, note, public comment, expected date) and it is not newly closed. */
  'updated',
  /** Its status went from open to closed. */
  'closed',
  /**
   * Many requests of the jurisdiction changed at once (an import, a sandbox
   * reset, a service renamed): `request_id` is null; read models rebuild the
   * jurisdiction. Never a webhook.
   */
  'rebuild',
] as const;
export type RequestChangeKind = (typeof REQUEST_CHANGE_KINDS)[number];

export interface RequestChange {
  /** Increasing in commit order as `after` returns them. */
  id: number;
  jurisdiction_id: string;
  /** Null for `rebuild`. */
  request_id: string | null;
  kind: RequestChangeKind;
  at: number;
}

/**
 * PostgreSQL hands out ids when a transaction inserts, not when it commits: a
 * younger id may be visible before an older one. `after` stops before a gap
 * that may still fill (younger than this); older gaps are rolled-back writes.
 */
export const CHANGE_GAP_WAIT_MS = 60_000;

export interface RequestChanges {
  /**
   * Changes with an id above `cursor`, oldest first, at most `limit`; stops
   * before an id gap younger than CHANGE_GAP_WAIT_MS (by `now`), so a consumer
   * that saves the last id it handled never skips a change committed later.
   */
  after(cursor: number, limit: number, now: number): Promise<RequestChange[]>;
  /** The consumer's saved cursor; 0 before its first save. */
  cursor(consumer: string): Promise<number>;
  /** Saves the consumer's cursor; never moves it back. */
  saveCursor(consumer: string, value: number): Promise<void>;
  /** The newest change id (0 when none): a new consumer that starts from now saves this. */
  latest(): Promise<number>;
  /** Forgets changes older than `before` that every saved cursor has passed; returns how many. */
  prune(before: number): Promise<number>;
}
