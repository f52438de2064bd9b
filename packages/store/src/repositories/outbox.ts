/**
 * The e-mail outbox: every message the application sends is recorded here
 * first; with SMTP configured, a `mail.deliver` job delivers it and marks it
 * sent or failed (see @o311/web's mailer).
 */
import type { Insertable, Selectable } from 'kysely';
import type { NewOutboxMessage, OutboxFilter, OutboxMessage } from '../back-office.js';
import type { MailThreading } from '../mail-intake.js';
import type { OutboxTable } from '../schema/tables.js';
import { parseRowId, type Db } from './shared.js';

const toMessage = (row: Selectable<OutboxTable>): OutboxMessage => ({
  id: String(row.id),
  to: row.recipient,
  subject: row.subject,
  text: row.text_body,
  html: row.html_body,
  created_at: row.created_at,
  sent_at: row.sent_at,
  attempts: row.attempts,
  last_error: row.last_error,
  threading: row.threading === null ? null : (JSON.parse(row.threading) as MailThreading),
});

const newRow = (m: NewOutboxMessage, at: number, once_key: string | null): Insertable<OutboxTable> => ({
  recipient: m.to, subject: m.subject, text_body: m.text, html_body: m.html, created_at: at, sent_at: null, attempts: 0, last_error: null, once_key,
  threading: m.threading ? JSON.stringify(m.threading) : null,
});

export async function enqueueMail(db: Db, m: NewOutboxMessage, at = Date.now()): Promise<OutboxMessage> {
  const row = await db.insertInto('outbox').values(newRow(m, at, null)).returningAll().executeTakeFirstOrThrow();
  return toMessage(row);
}

export async function enqueueMailOnce(db: Db, m: NewOutboxMessage, onceKey: string, at = Date.now()): Promise<OutboxMessage | undefined> {
  const row = await db
    .insertInto('outbox')
    .values(newRow(m, at, onceKey))
    // The target names the partial index's condition, as both dialects require.
    .onConflict((oc) => oc.column('once_key').where('once_key', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row && toMessage(row);
}

export async function getMail(db: Db, id: string): Promise<OutboxMessage | undefined> {
  const rowId = parseRowId(id);
  if (rowId === undefined) return undefined;
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', rowId).executeTakeFirst();
  return row && toMessage(row);
}

/** Oldest first, in the order queued; `to` must match exactly. */
export async function listOutbox(db: Db, f: OutboxFilter): Promise<OutboxMessage[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (f.unsent) q = q.where('sent_at', 'is', null);
  if (f.untried) q = q.where('attempts', '=', 0);
  if (f.to !== undefined) q = q.where('recipient', '=', f.to);
  if (f.createdFrom !== undefined) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdBefore !== undefined) q = q.where('created_at', '<', f.createdBefore);
  const rows = await q.orderBy('created_at').orderBy('id').limit(Math.max(0, Math.floor(f.limit))).execute();
  return rows.map(toMessage);
}

/**
 * Forgets the messages sent before `before`, and those never sent that were
 * queued before it (nothing sends a message that old); returns how many.
 */
export async function pruneOutbox(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where((eb) => eb.or([eb('sent_at', '<', before), eb.and([eb('sent_at', 'is', null), eb('created_at', '<', before)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Counts the attempt; a message sent twice keeps its first sending time. */
export async function markMailSent(db: Db, id: string, at: number): Promise<void> {
  const rowId = parseRowId(id);
  if (rowId === undefined) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ sent_at: eb.fn.coalesce('sent_at', eb.val(at)), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', rowId)
    .execute();
}

/** Counts the attempt and keeps the error; the message stays unsent. */
export async function markMailFailed(db: Db, id: string, error: string): Promise<void> {
  const rowId = parseRowId(id);
  if (rowId === undefined) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
    .where('id', '=', rowId)
    .execute();
}
