/**
 * Every public request of a filter, oldest first, in pages. Each page starts
 * after the last row of the one before on (requested_at, id), so a page costs
 * the same at the end of a million rows as at the start (no OFFSET), rows
 * written meanwhile never shift a page, and the walk follows the
 * (jurisdiction[, service][, status], requested_at, id) indexes.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { PublicStoredRequest } from '../contract.js';
import { EXPORT_PAGE_BOUNDS, type ExportFilter } from '../exports.js';
import { commonConditions, PUBLIC_COLUMNS, toPublicStoredRequest, type RequestsEb } from './requests.js';
import type { Db } from './shared.js';

const pageSize = (n: number | undefined): number =>
  n === undefined || !Number.isFinite(n) ? EXPORT_PAGE_BOUNDS.default : Math.min(EXPORT_PAGE_BOUNDS.max, Math.max(EXPORT_PAGE_BOUNDS.min, Math.floor(n)));

function filterConditions(eb: RequestsEb, f: ExportFilter): Expression<SqlBool>[] {
  const out = [eb('jurisdiction_id', '=', f.jurisdiction_id), ...commonConditions(eb, f, 'index')];
  const statuses = [...new Set(f.statuses ?? [])];
  // Both statuses together select everything.
  if (statuses.length === 1) out.push(eb('public_status', '=', statuses[0]!));
  return out;
}

interface Position {
  requested_at: number;
  id: number;
}

type Page = Awaited<ReturnType<typeof pageAfter>>;

function pageAfter(db: Db, f: ExportFilter, limit: number, from: Position | undefined) {
  return db
    .selectFrom('requests')
    .select(PUBLIC_COLUMNS)
    .where((eb) => {
      const where = filterConditions(eb, f);
      if (from) where.push(eb(sql`(requests.requested_at, requests.id)`, '>', sql`(${from.requested_at}, ${from.id})`));
      return eb.and(where);
    })
    .orderBy('requests.requested_at')
    .orderBy('requests.id')
    .limit(limit)
    .execute();
}

/**
 * The next page is asked for as soon as a page arrives, before this one is
 * handed over: the database (PostgreSQL's own process) reads it while the
 * consumer encodes the last, and at most two pages are held.
 */
export async function* exportRequests(db: Db, f: ExportFilter): AsyncGenerator<PublicStoredRequest[]> {
  const limit = pageSize(f.page_size);
  let next: Promise<Page> | undefined = pageAfter(db, f, limit, undefined);
  try {
    while (next !== undefined) {
      const rows: Page = await next;
      const last = rows[rows.length - 1];
      next = rows.length === limit && last ? pageAfter(db, f, limit, { requested_at: last.requested_at, id: last.id }) : undefined;
      if (rows.length > 0) yield rows.map(toPublicStoredRequest);
    }
  } finally {
    // A consumer that stops early leaves a page in flight: its failure is no longer anyone's.
    next?.catch(() => undefined);
  }
}
