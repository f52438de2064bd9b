/** The audit log: who did what, when, with what details. Append-only. */
import type { Selectable } from 'kysely';
import type { AuditEntry, NewAuditEntry } from '../back-office.js';
import type { AuditLogTable } from '../schema/tables.js';
import { parseJson, type Db } from './shared.js';

export interface AuditQuery {
  request_id?: string;
  jurisdiction_id?: string;
  actor?: string;
  limit: number;
  /** Only entries strictly older than this time. */
  before?: number;
}

const toAuditEntry = (row: Selectable<AuditLogTable>): AuditEntry => ({
  id: String(row.id),
  at: row.at,
  actor: row.actor,
  action: row.action,
  jurisdiction_id: row.jurisdiction_id,
  request_id: row.request_id,
  details: parseJson<Record<string, unknown>>(row.details),
});

/** Also used inside other writes' transactions (triage.ts). */
export async function appendAudit(db: Db, e: NewAuditEntry): Promise<AuditEntry> {
  const row = await db
    .insertInto('audit_log')
    .values({
      at: e.at ?? Date.now(),
      actor: e.actor,
      action: e.action,
      jurisdiction_id: e.jurisdiction_id,
      request_id: e.request_id,
      details: JSON.stringify(e.details),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAuditEntry(row);
}

/** Newest first; entries of the same millisecond in reverse order of writing. */
export async function listAudit(db: Db, f: AuditQuery): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.request_id !== undefined) q = q.where('request_id', '=', f.request_id);
  if (f.jurisdiction_id !== undefined) q = q.where('jurisdiction_id', '=', f.jurisdiction_id);
  if (f.actor !== undefined) q = q.where('actor', '=', f.actor);
  if (f.before !== undefined) q = q.where('at', '<', f.before);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(Math.max(0, Math.floor(f.limit))).execute();
  return rows.map(toAuditEntry);
}
