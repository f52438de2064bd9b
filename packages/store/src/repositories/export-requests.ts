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

export async function* exportRequests(db: Db, f: ExportFilter): AsyncGenerator<PublicStoredRequest[]> {
  const limit = pageSize(f.page_size);
  let after: Position | undefined;
  for (;;) {
    const from = after;
    const rows = await db
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
    if (rows.length > 0) yield rows.map(toPublicStoredRequest);
    if (rows.length < limit) return;
    const last = rows[rows.length - 1]!;
    after = { requested_at: last.requested_at, id: last.id };
  }
}
