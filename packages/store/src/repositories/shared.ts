/** Small helpers shared by the repositories. */
import type { Kysely, Transaction } from 'kysely';
import { EXTENDED_STATUSES, isRequestChannel, type ExtendedStatus, type PublicStatus, type RequestChannel } from '@o311/georeport';
import { PRIORITIES, type Priority } from '../back-office.js';
import type { StaffRole } from '../contract.js';
import type { Database } from '../schema/tables.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

/**
 * Runs `work` in `db` when it is already a transaction (the store's write of
 * public data, which moves the data version on in the same transaction), else
 * in a new one.
 */
export function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Trx) : db.transaction().execute(work);
}

/**
 * Runs one write and answers once it is committed: directly (the default of
 * a repository), or inside a transaction shared with other writes (the
 * store's group commit on SQLite), in which case `work` gets that transaction.
 */
export type WriteRunner = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

/** A unique constraint refused the write (PostgreSQL 23505; SQLite, through better-sqlite3). */
export function isUniqueViolation(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export const toFlag = (b: boolean): number => (b ? 1 : 0);
export const fromFlag = (n: number): boolean => n !== 0;

/**
 * Row ids are integers exposed as strings. Anything that is not a plain
 * positive integer within the safe range cannot name a row.
 */
export function parseRowId(id: string): number | undefined {
  return /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : undefined;
}

/** The distinct row ids among `ids`, leaving out those that cannot name a row. */
export function parseRowIds(ids: readonly string[]): number[] {
  return [...new Set(ids.map(parseRowId).filter((id): id is number => id !== undefined))];
}

export function isExtendedStatus(s: string): s is ExtendedStatus {
  return Object.hasOwn(EXTENDED_STATUSES, s);
}

/** The plain v2 status of an extended one; throws on a status the model does not know. */
export function publicStatusOf(status: string): PublicStatus {
  if (!isExtendedStatus(status)) throw new Error(`unknown request status "${status}"`);
  return EXTENDED_STATUSES[status];
}

/** Reads a status column; a value the model does not know is a corrupt row. */
export function readStatus(status: string): ExtendedStatus {
  if (!isExtendedStatus(status)) throw new Error(`stored request status "${status}" is not an extended status`);
  return status;
}

export function readChannel(channel: string): RequestChannel {
  if (!isRequestChannel(channel)) throw new Error(`stored request channel "${channel}" is not a channel`);
  return channel;
}

const STAFF_ROLES: readonly StaffRole[] = ['admin', 'agent', 'viewer'];

/** Checks a role, given or stored; throws on one the model does not know. */
export function readRole(role: string): StaffRole {
  const found = STAFF_ROLES.find((r) => r === role);
  if (found === undefined) throw new Error(`staff role "${role}" is unknown`);
  return found;
}

/** Checks a priority, given or stored; throws on one the model does not know. */
export function readPriority(priority: string): Priority {
  const found = PRIORITIES.find((p) => p === priority);
  if (found === undefined) throw new Error(`priority "${priority}" is unknown`);
  return found;
}

/** `limit` and `offset` of a list as whole, non-negative numbers. */
export function paging(f: { limit: number; offset: number }): { limit: number; offset: number } {
  return { limit: Math.max(0, Math.floor(f.limit)), offset: Math.max(0, Math.floor(f.offset)) };
}

export function parseJson<T>(text: string): T {
  // The common empty values skip the parser (a page of requests has thousands).
  if (text === '{}') return {} as T;
  if (text === '[]') return [] as T;
  return JSON.parse(text) as T;
}

/** The tables of secrets that are revoked by setting `revoked_at`. */
type RevocableTable = 'api_keys' | 'staff_sessions' | 'staff_tokens';

/** Revokes the row `id` now, keeping the first revocation time when revoked twice; true when the row exists. */
export async function revokeRow(db: Db, table: RevocableTable, id: string): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(Date.now())) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Splits a long list so that no statement carries more than `size` parameters for it. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `text` with `%`, `_` and `\\` made literal for LIKE ... ESCAPE '\\' (SQLite has no default escape character). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
