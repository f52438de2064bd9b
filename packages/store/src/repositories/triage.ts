/**
 * Triage of requests by staff: assignment, priority, duplicates (staff-only,
 * so they leave `updated_at` alone) and the public `expected_at`. Every
 * changed field leaves an audit entry `request.<field>` with `{ from, to }`.
 */
import type { Selectable, Updateable } from 'kysely';
import type { Triage, TriageChange, TriagedRequest } from '../back-office.js';
import type { RequestsTable } from '../schema/tables.js';
import { appendAudit } from './audit.js';
import { getDepartment } from './departments.js';
import { storeDerivedHistory } from './events.js';
import { recordChange } from './request-changes.js';
import { requestRow, toStoredRequest } from './requests.js';
import { inTransaction, readPriority, type Db } from './shared.js';

type TriageValues = Triage & { expected_at: number | null };
type TriageField = keyof TriageValues;

const FIELDS: readonly TriageField[] = ['assigned_department_id', 'assigned_user_id', 'priority', 'duplicate_of', 'expected_at'];

export function toTriagedRequest(row: Selectable<RequestsTable>): TriagedRequest {
  return {
    ...toStoredRequest(row),
    assigned_department_id: row.assigned_department_id,
    assigned_user_id: row.assigned_user_id,
    priority: readPriority(row.priority),
    duplicate_of: row.duplicate_of === null ? null : String(row.duplicate_of),
  };
}

export async function getTriagedRequest(db: Db, jurisdiction_id: string, id: string): Promise<TriagedRequest | undefined> {
  const row = await requestRow(db, jurisdiction_id, id);
  return row && toTriagedRequest(row);
}

export interface TriageResult {
  /** Undefined when the request does not exist. */
  request: TriagedRequest | undefined;
  /** Whether public data changed (`expected_at`): the data version must move. */
  publicChange: boolean;
}

/** Throws on a department, priority or original that cannot be, writing nothing. */
export async function updateTriage(db: Db, c: TriageChange): Promise<TriageResult> {
  return inTransaction(db, async (trx) => {
    const row = await requestRow(trx, c.jurisdiction_id, c.request_id);
    if (!row) return { request: undefined, publicChange: false };
    const before = toTriagedRequest(row);
    const after: TriageValues = {
      assigned_department_id: c.assigned_department_id === undefined ? before.assigned_department_id : c.assigned_department_id,
      assigned_user_id: c.assigned_user_id === undefined ? before.assigned_user_id : c.assigned_user_id,
      priority: c.priority === undefined ? before.priority : c.priority,
      duplicate_of: c.duplicate_of === undefined ? before.duplicate_of : c.duplicate_of,
      expected_at: c.expected_at === undefined ? before.expected_at : c.expected_at,
    };
    const changed = new Set(FIELDS.filter((field) => after[field] !== before[field]));
    if (changed.size === 0) return { request: before, publicChange: false };

    const at = c.at ?? Date.now();
    const set: Updateable<RequestsTable> = {};
    if (changed.has('assigned_department_id')) set.assigned_department_id = await departmentOf(trx, c.jurisdiction_id, after.assigned_department_id);
    if (changed.has('assigned_user_id')) set.assigned_user_id = after.assigned_user_id;
    if (changed.has('priority')) set.priority = readPriority(after.priority);
    if (changed.has('duplicate_of')) set.duplicate_of = await originalOf(trx, before, after.duplicate_of);
    if (changed.has('expected_at')) {
      // A public change: the derived history entry of an imported request is stored before `updated_at` moves.
      await storeDerivedHistory(trx, row);
      set.expected_at = after.expected_at;
      set.updated_at = Math.max(row.updated_at, at);
    }
    const updated = await trx.updateTable('requests').set(set).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    if (changed.has('expected_at')) await recordChange(trx, { jurisdiction_id: c.jurisdiction_id, request_id: row.id, kind: 'updated', at });
    for (const field of changed) {
      await appendAudit(trx, {
        at,
        actor: c.actor,
        action: `request.${field}`,
        jurisdiction_id: c.jurisdiction_id,
        request_id: before.id,
        details: { from: before[field], to: after[field], ...c.audit_details },
      });
    }
    return { request: toTriagedRequest(updated), publicChange: changed.has('expected_at') };
  });
}

/** A department of the request's jurisdiction (or none). */
async function departmentOf(db: Db, jurisdiction_id: string, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const department = await getDepartment(db, id);
  if (department?.jurisdiction_id !== jurisdiction_id) throw new Error(`unknown department "${id}" in jurisdiction "${jurisdiction_id}"`);
  return id;
}

/** The row id of the request duplicated: another request of the same jurisdiction (or none). */
async function originalOf(db: Db, request: TriagedRequest, original: string | null): Promise<number | null> {
  if (original === null) return null;
  const row = original === request.id ? undefined : await requestRow(db, request.jurisdiction_id, original);
  if (!row) throw new Error(`request "${original}" cannot be the original of request "${request.id}"`);
  return row.id;
}
