/**
 * The e-mail intake's rows (mail-intake.ts). Filing is one transaction: the
 * message's row is looked up first, so a message filed before gives back its
 * request; otherwise the request (with its media), the thread and the row are
 * written together. Two deliveries of one message at once on PostgreSQL: the
 * second transaction fails on the row's unique key and writes nothing, then
 * gives back the first one's request.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { CreatedRequest, NewRequest } from '../contract.js';
import {
  MAX_MAIL_REASON, MAX_MAIL_SENDER, MAX_MAIL_SUBJECT, MAX_MESSAGE_ID, MAX_RAW_MAIL, type ClaimDetail, type ClaimOutcome, type FileOutcome, type InboundMail,
  type MailIntakeStore, type MailRecord, type MailThread, type MailVerdict,
} from '../mail-intake.js';
import type { InboundMailTable, MailThreadsTable } from '../schema/mail-intake-tables.js';
import { createRequestOnce } from './idempotency-keys.js';
import { getRequest } from './requests.js';
import { isUniqueViolation, parseRowId, type Db, type WriteRunner } from './shared.js';

const RECORD_COLUMNS = [
  'id', 'jurisdiction_id', 'message_id', 'sender', 'subject', 'verdict', 'reason', 'request_id', 'raw_size', 'received_at',
] as const;

function bounded(m: InboundMail): InboundMail {
  if (m.message_id === '' || m.message_id.length > MAX_MESSAGE_ID) throw new RangeError('a Message-ID is empty or too long');
  return { ...m, sender: m.sender.slice(0, MAX_MAIL_SENDER), subject: m.subject.slice(0, MAX_MAIL_SUBJECT) };
}

const toRecord = (r: Omit<Selectable<InboundMailTable>, 'raw'>): MailRecord => ({
  ...r,
  verdict: r.verdict as MailVerdict,
  request_id: r.request_id === null ? null : String(r.request_id),
});

const toThread = (t: Selectable<MailThreadsTable>): MailThread => ({
  jurisdiction_id: t.jurisdiction_id,
  request_id: String(t.request_id),
  token: t.token,
  root_message_id: t.root_message_id,
  last_message_id: t.last_message_id,
});

async function find(db: Db, jurisdiction_id: string, message_id: string): Promise<MailRecord | undefined> {
  const row = await db
    .selectFrom('inbound_mail')
    .select(RECORD_COLUMNS)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('message_id', '=', message_id)
    .executeTakeFirst();
  return row && toRecord(row);
}

async function fileRequest(db: Db, write: WriteRunner, mail: InboundMail, request: NewRequest, token: string): Promise<FileOutcome> {
  const m = bounded(mail);
  if (request.jurisdiction_id !== m.jurisdiction_id) throw new Error('a mail files a request of its own jurisdiction');
  try {
    return await fileOnce(write, m, request, token);
  } catch (e) {
    const filed = isUniqueViolation(e) ? await filedBefore(db, m) : undefined;
    if (filed) return filed;
    throw e;
  }
}

/** The request a message's row names, given back as a replay (nothing new written); undefined when it names none. */
async function replayOf(db: Db, m: InboundMail, row: MailRecord): Promise<FileOutcome | undefined> {
  const filed = row.request_id ? await getRequest(db, m.jurisdiction_id, row.request_id) : undefined;
  return filed && { request: { ...filed, replayed: true } as CreatedRequest, replayed: true };
}

/** The request the message was filed as before, read afresh. */
async function filedBefore(db: Db, m: InboundMail): Promise<FileOutcome | undefined> {
  const row = await find(db, m.jurisdiction_id, m.message_id);
  return row && replayOf(db, m, row);
}

function fileOnce(write: WriteRunner, m: InboundMail, request: NewRequest, token: string): Promise<FileOutcome> {
  return write(async (trx) => {
    const earlier = await find(trx, m.jurisdiction_id, m.message_id);
    const filed = earlier && (await replayOf(trx, m, earlier));
    if (filed) return filed;
    if (earlier && !(await takeHeld(trx, earlier.id))) {
      // Another release of the same held message filed it first (the claim above waited for its commit).
      const theirs = await filedBefore(trx, m);
      if (theirs) return theirs;
      throw new Error('a released message left the quarantine before it could be filed');
    }
    const created = await createRequestOnce(trx, request);
    const request_id = Number(created.id);
    await trx
      .insertInto('mail_threads')
      .values({ request_id, jurisdiction_id: m.jurisdiction_id, token, root_message_id: m.message_id, last_message_id: m.message_id, created_at: m.received_at })
      .execute();
    const row = { verdict: 'filed', reason: null, request_id, raw: null, raw_size: 0 };
    if (earlier) {
      await trx.updateTable('inbound_mail').set(row).where('id', '=', earlier.id).execute();
    } else {
      await trx.insertInto('inbound_mail').values({ id: randomUUID(), ...m, ...row }).execute();
    }
    return { request: created, replayed: false };
  });
}

/**
 * Claims a held message for filing: one conditional update, so of two
 * releases at once (a double click, two admins, two processes) only one files.
 */
async function takeHeld(trx: Db, id: string): Promise<boolean> {
  const taken = await trx.updateTable('inbound_mail').set({ verdict: 'filed', reason: null }).where('id', '=', id).where('verdict', '=', 'quarantined').executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

async function claim(
  db: Db,
  mail: InboundMail,
  verdict: Exclude<MailVerdict, 'filed' | 'deleted'>,
  detail: ClaimDetail,
): Promise<ClaimOutcome> {
  const m = bounded(mail);
  const raw = verdict === 'quarantined' && detail.raw ? detail.raw : null;
  if (raw && raw.byteLength > MAX_RAW_MAIL) throw new RangeError(`a kept message is at most ${MAX_RAW_MAIL} bytes`);
  const reason = detail.reason?.slice(0, MAX_MAIL_REASON) ?? null;
  const request_id = detail.request_id === undefined ? null : (parseRowId(detail.request_id) ?? null);
  if (detail.replaces !== undefined) {
    const released = await db
      .updateTable('inbound_mail')
      .set({ verdict, reason, request_id, raw: null, raw_size: 0 })
      .where('id', '=', detail.replaces)
      .where('jurisdiction_id', '=', m.jurisdiction_id)
      .where('verdict', '=', 'quarantined')
      .executeTakeFirst();
    if (Number(released.numUpdatedRows) > 0) return { claimed: true, id: detail.replaces };
  }
  const id = randomUUID();
  const inserted = await db
    .insertInto('inbound_mail')
    .values({
      id, ...m, verdict, reason, request_id, raw, raw_size: raw?.byteLength ?? 0,
    })
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'message_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { claimed: true, id };
  const earlier = await find(db, m.jurisdiction_id, m.message_id);
  if (!earlier) throw new Error('a claimed message vanished before it could be read');
  return { claimed: false, earlier };
}

async function threadByToken(db: Db, token: string): Promise<MailThread | undefined> {
  const row = await db.selectFrom('mail_threads').selectAll().where('token', '=', token).executeTakeFirst();
  return row && toThread(row);
}

async function threadOf(db: Db, jurisdiction_id: string, request_id: string): Promise<MailThread | undefined> {
  const id = parseRowId(request_id);
  if (id === undefined) return undefined;
  const row = await db.selectFrom('mail_threads').selectAll().where('request_id', '=', id).where('jurisdiction_id', '=', jurisdiction_id).executeTakeFirst();
  return row && toThread(row);
}

async function noteReply(db: Db, jurisdiction_id: string, request_id: string, message_id: string): Promise<void> {
  const id = parseRowId(request_id);
  if (id === undefined || message_id === '' || message_id.length > MAX_MESSAGE_ID) return;
  await db.updateTable('mail_threads').set({ last_message_id: message_id }).where('request_id', '=', id).where('jurisdiction_id', '=', jurisdiction_id).execute();
}

async function quarantined(db: Db, jurisdiction_id: string, limit: number): Promise<MailRecord[]> {
  const rows = await db
    .selectFrom('inbound_mail')
    .select(RECORD_COLUMNS)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('verdict', '=', 'quarantined')
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

async function quarantinedMail(db: Db, jurisdiction_id: string, id: string): Promise<{ record: MailRecord; raw: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('inbound_mail')
    .select([...RECORD_COLUMNS, 'raw'])
    .where('id', '=', id)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('verdict', '=', 'quarantined')
    .executeTakeFirst();
  if (!row?.raw) return undefined;
  const { raw, ...record } = row;
  return { record: toRecord(record), raw: new Uint8Array(raw) };
}

async function discard(db: Db, jurisdiction_id: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('inbound_mail')
    .set({ verdict: 'deleted', raw: null, raw_size: 0 })
    .where('id', '=', id)
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('verdict', '=', 'quarantined')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function prune(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('inbound_mail').where('received_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const mailIntakeStore = (db: Db, write: WriteRunner): MailIntakeStore => ({
  fileRequest: (m, r, token) => fileRequest(db, write, m, r, token),
  claim: (m, verdict, detail) => claim(db, m, verdict, detail),
  unclaim: async (id) => {
    await db.deleteFrom('inbound_mail').where('id', '=', id).execute();
  },
  find: (j, messageId) => find(db, j, messageId),
  threadByToken: (token) => threadByToken(db, token),
  threadOf: (j, requestId) => threadOf(db, j, requestId),
  noteReply: (j, requestId, messageId) => noteReply(db, j, requestId, messageId),
  quarantined: (j, limit) => quarantined(db, j, limit),
  quarantinedMail: (j, id) => quarantinedMail(db, j, id),
  discard: (j, id) => discard(db, j, id),
  prune: (before) => prune(db, before),
});
