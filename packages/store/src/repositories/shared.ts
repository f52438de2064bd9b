/** Small helpers shared by the repositories. */
import type { Kysely, Transaction } from 'kysely';
import { EXTENDED_STATUSES, type ExtendedStatus, type PublicStatus } from '@o311/georeport';
import type { Database } from '../schema/tables.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

export const toFlag = (b: boolean): number => (b ? 1 : 0);
export const fromFlag = (n: number): boolean => n !== 0;

/**
 * Row ids are integers exposed as strings. Anything that is not a plain
 * positive integer within the safe range cannot name a row.
 */
export function parseRowId(id: string): number | undefined {
  return /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : undefined;
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

export function parseJson<T>(text: string): T {
  // The common empty values skip the parser (a page of requests has thousands).
  if (text === '{}') return {} as T;
  if (text === '[]') return [] as T;
  return JSON.parse(text) as T;
}

/** Splits a long list so that no statement carries more than `size` parameters for it. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
