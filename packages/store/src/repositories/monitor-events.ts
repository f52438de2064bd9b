/**
 * The monitor's events (monitor.ts): an endpoint went down, came back or its
 * score dropped; each carries where its alerts stand (mail queued, webhook
 * attempts).
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { MONITOR_EVENT_KINDS, type MonitorEvent, type MonitorEventKind, type MonitorListFilter } from '../monitor.js';
import type { MonitorEventsTable } from '../schema/tables.js';
import { cutText, listLimit, listWindow, numberOrNull, readStored } from './monitor-shared.js';
import type { Db } from './shared.js';


const toEvent = (row: Selectable<MonitorEventsTable>): MonitorEvent => ({
  id: row.id,
  slug: row.slug,
  kind: readStored(MONITOR_EVENT_KINDS, row.kind, 'monitor event kind'),
  at: Number(row.at),
  incident_id: row.incident_id,
  detail: row.detail,
  mailed_at: numberOrNull(row.mailed_at),
  webhook_attempts: Number(row.webhook_attempts),
  webhook_status: numberOrNull(row.webhook_status),
  webhook_error: row.webhook_error,
  webhook_delivered_at: numberOrNull(row.webhook_delivered_at),
});

/** A new event, not yet alerted; written by the caller (in its transaction). */
export function newEvent(e: { slug: string; kind: MonitorEventKind; at: number; incident_id: string | null; detail: string }): MonitorEvent {
  return {
    id: randomUUID(), ...e, detail: cutText(e.detail), mailed_at: null,
    webhook_attempts: 0, webhook_status: null, webhook_error: null, webhook_delivered_at: null,
  };
}

export async function insertEvents(db: Db, events: readonly MonitorEvent[]): Promise<void> {
  if (events.length > 0) await db.insertInto('monitor_events').values(events.map((e) => ({ ...e }))).execute();
}

export async function getEvent(db: Db, id: string): Promise<MonitorEvent | undefined> {
  const row = await db.selectFrom('monitor_events').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEvent(row);
}

export async function listEvents(db: Db, f: MonitorListFilter): Promise<MonitorEvent[]> {
  const rows = await db
    .selectFrom('monitor_events')
    .selectAll()
    .where(listWindow(f, 'at'))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(listLimit(f))
    .execute();
  return rows.map(toEvent);
}

/** The first time counts: a second call keeps it. */
export async function markEventMailed(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('monitor_events').set({ mailed_at: at }).where('id', '=', id).where('mailed_at', 'is', null).execute();
}

export async function recordWebhookAttempt(
  db: Db,
  id: string,
  outcome: { status: number | null; error: string | null; delivered: boolean },
  at: number,
): Promise<void> {
  await db
    .updateTable('monitor_events')
    .set((eb) => ({
      webhook_attempts: eb('webhook_attempts', '+', 1),
      webhook_status: outcome.status,
      webhook_error: outcome.error === null ? null : cutText(outcome.error),
      webhook_delivered_at: outcome.delivered ? eb.fn.coalesce('webhook_delivered_at', eb.val(at)) : eb.ref('webhook_delivered_at'),
    }))
    .where('id', '=', id)
    .execute();
}
