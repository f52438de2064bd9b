/**
 * A request's history: submitted, status changes and comments, public or internal.
 *
 * Not every entry is stored. Two are derived from the request row:
 * - `submitted`, at `requested_at`, for every request (id `r<id>-submitted`);
 * - for a request imported in a status other than `open` (`status_imported`),
 *   the status change to that status at `updated_at` with `status_notes`
 *   (id `r<id>-imported`).
 * The first event written for a request with `status_imported` (a status
 * change or a comment, which may move `updated_at` and the status) stores
 * that derived entry first, under the same id, and clears the flag; so the
 * history and its ids never change when the request does.
 *
 * Order: by time; at equal times the derived entries come first (they were
 * the first rows of a request's history when they were stored), stored events
 * then follow by their key, as before.
 */
import type { Insertable, Selectable } from 'kysely';
import type { NewComment, RequestEvent } from '../contract.js';
import type { RequestEventsTable, RequestsTable } from '../schema/tables.js';
import { recordChange } from './request-changes.js';
import { chunks, fromFlag, inTransaction, parseRowId, readStatus, toFlag, type Db, type Trx } from './shared.js';

const EVENT_TYPES = ['submitted', 'status_change', 'comment'] as const;
type EventType = (typeof EVENT_TYPES)[number];
const isEventType = (t: string): t is EventType => (EVENT_TYPES as readonly string[]).includes(t);

/** The columns of a request that its derived history entries come from. */
export const HISTORY_COLUMNS = ['id', 'jurisdiction_id', 'requested_at', 'updated_at', 'status', 'status_notes', 'status_imported'] as const;
export type HistorySource = Pick<Selectable<RequestsTable>, (typeof HISTORY_COLUMNS)[number]>;

export function toRequestEvent(row: Selectable<RequestEventsTable>): RequestEvent {
  if (!isEventType(row.type)) throw new Error(`stored event type "${row.type}" is unknown`);
  return {
    id: row.public_id ?? String(row.id),
    request_id: String(row.request_id),
    at: row.at,
    type: row.type,
    status: readStatus(row.status),
    description: row.description,
    public: fromFlag(row.public),
    author: row.author,
    media_url: row.media_url,
  };
}

const submittedEvent = (r: HistorySource): RequestEvent => ({
  id: `r${r.id}-submitted`,
  request_id: String(r.id),
  at: r.requested_at,
  type: 'submitted',
  status: 'open',
  description: '',
  public: true,
  author: null,
  media_url: null,
});

const importedChangeId = (requestId: number): string => `r${requestId}-imported`;

/** The imported status change of a flagged request; all its values are public. */
function importedChange(r: HistorySource): RequestEvent {
  return {
    id: importedChangeId(r.id),
    request_id: String(r.id),
    at: r.updated_at,
    type: 'status_change',
    status: readStatus(r.status),
    description: r.status_notes ?? '',
    public: true,
    author: null,
    media_url: null,
  };
}

/** The derived entries followed by the stored events (oldest first), merged by time. */
function history(r: HistorySource, stored: readonly RequestEvent[]): RequestEvent[] {
  const derived = [submittedEvent(r)];
  if (r.status_imported !== 0) derived.push(importedChange(r));
  // A stable sort: derived entries stay ahead of stored events at equal times.
  return [...derived, ...stored].sort((a, b) => a.at - b.at);
}

/**
 * Stores the derived status change of an imported request and clears its
 * flag, ahead of a first event of its own: that event may move `updated_at`
 * and the status the entry is derived from. No-op for other requests.
 */
export async function storeDerivedHistory(trx: Trx, r: HistorySource): Promise<void> {
  if (r.status_imported === 0) return;
  await trx
    .insertInto('request_events')
    .values({
      request_id: r.id,
      jurisdiction_id: r.jurisdiction_id,
      at: r.updated_at,
      type: 'status_change',
      status: r.status,
      description: r.status_notes ?? '',
      public: 1,
      author: null,
      media_url: null,
      public_id: importedChangeId(r.id),
    })
    .execute();
  await trx.updateTable('requests').set({ status_imported: 0 }).where('id', '=', r.id).execute();
}

export async function insertEvent(trx: Trx, e: Insertable<RequestEventsTable>): Promise<RequestEvent> {
  const row = await trx.insertInto('request_events').values(e).returningAll().executeTakeFirstOrThrow();
  return toRequestEvent(row);
}

export async function listEvents(
  db: Db,
  jurisdiction_id: string,
  request_id: string,
  includeInternal = false,
): Promise<RequestEvent[]> {
  const id = parseRowId(request_id);
  if (id === undefined) return [];
  const request = await db
    .selectFrom('requests')
    .select(HISTORY_COLUMNS)
    .where('id', '=', id)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .executeTakeFirst();
  if (!request) return [];
  let q = db.selectFrom('request_events').selectAll().where('request_id', '=', id);
  if (!includeInternal) q = q.where('public', '=', 1);
  const rows = await q.orderBy('at').orderBy('id').execute();
  return history(request, rows.map(toRequestEvent));
}

/** Every asked id is a key of the result, with an empty list when there is no such request. */
export async function listEventsFor(
  db: Db,
  request_ids: readonly string[],
  includeInternal = false,
): Promise<Map<string, RequestEvent[]>> {
  const out = new Map<string, RequestEvent[]>();
  const ids: number[] = [];
  for (const rid of request_ids) {
    if (out.has(rid)) continue;
    out.set(rid, []);
    const id = parseRowId(rid);
    if (id !== undefined) ids.push(id);
  }
  for (const part of chunks(ids, 500)) {
    const requests = await db.selectFrom('requests').select(HISTORY_COLUMNS).where('id', 'in', part).execute();
    if (requests.length === 0) continue;
    let q = db.selectFrom('request_events').selectAll().where('request_id', 'in', part);
    if (!includeInternal) q = q.where('public', '=', 1);
    const rows = await q.orderBy('request_id').orderBy('at').orderBy('id').execute();
    const stored = new Map<number, RequestEvent[]>();
    for (const row of rows) {
      const list = stored.get(row.request_id);
      if (list) list.push(toRequestEvent(row));
      else stored.set(row.request_id, [toRequestEvent(row)]);
    }
    for (const r of requests) out.set(String(r.id), history(r, stored.get(r.id) ?? []));
  }
  return out;
}

/**
 * Public status changes and comments with `from <= at <= to`, oldest first:
 * the stored events and the derived status changes of imported requests
 * (found by `updated_at`), the derived ones first at equal times.
 */
export async function listPublicUpdates(
  db: Db,
  jurisdiction_id: string,
  from: number,
  to: number,
  limit: number,
): Promise<(RequestEvent & { request_id: string })[]> {
  const n = Math.max(0, Math.floor(limit));
  if (n === 0) return [];
  const rows = await db
    .selectFrom('request_events')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('at', '>=', from)
    .where('at', '<=', to)
    .where('public', '=', 1)
    .where('type', 'in', ['status_change', 'comment'])
    .orderBy('at')
    .orderBy('id')
    .limit(n)
    .execute();
  const imported = await db
    .selectFrom('requests')
    .select(HISTORY_COLUMNS)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('updated_at', '>=', from)
    .where('updated_at', '<=', to)
    .where('status_imported', '=', 1)
    .orderBy('updated_at')
    .orderBy('id')
    .limit(n)
    .execute();
  return [...imported.map(importedChange), ...rows.map(toRequestEvent)].sort((a, b) => a.at - b.at).slice(0, n);
}

/**
 * Adds a comment in the request's current status. A public comment changes
 * the public record, so it moves `updated_at`; an internal one does not.
 */
export async function addComment(db: Db, c: NewComment): Promise<RequestEvent | undefined> {
  const id = parseRowId(c.request_id);
  if (id === undefined) return undefined;
  return inTransaction(db, async (trx) => {
    const request = await trx
      .selectFrom('requests')
      .select(HISTORY_COLUMNS)
      .where('id', '=', id)
      .where('jurisdiction_id', '=', c.jurisdiction_id)
      .executeTakeFirst();
    if (!request) return undefined;
    await storeDerivedHistory(trx, request);
    const at = c.at ?? Date.now();
    if (c.public) {
      const updated_at = Math.max(request.updated_at, at);
      await trx.updateTable('requests').set({ updated_at }).where('id', '=', id).execute();
      await recordChange(trx, { jurisdiction_id: c.jurisdiction_id, request_id: id, kind: 'updated', at });
    }
    return insertEvent(trx, {
      request_id: id,
      jurisdiction_id: c.jurisdiction_id,
      at,
      type: 'comment',
      status: request.status,
      description: c.description,
      public: toFlag(c.public),
      author: c.author,
      media_url: c.media_url ?? null,
    });
  });
}
