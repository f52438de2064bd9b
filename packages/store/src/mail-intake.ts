/**
 * Mail that reached the city's intake address (issue 15, e-mail intake). Part
 * of the {@link Store} as `store.mailIntake`. Every accepted message is kept
 * as one row under its Message-ID with the verdict it got, so a redelivered
 * message (a sender's retry after a lost reply) files nothing new. A message
 * that became a request is tied to it by a thread: the token in the Reply-To
 * of the city's mail, and the Message-IDs that keep the reporter's mail
 * client threading our replies with their report. Only quarantined mail keeps
 * its raw bytes, for an admin to read, release or delete; a job prunes rows.
 */
import type { CreatedRequest, NewRequest } from './contract.js';

export const MAIL_VERDICTS = ['filed', 'update', 'quarantined', 'ignored', 'deleted'] as const;
/** filed: became a request; update: a reporter's reply on one; quarantined: held for an admin; ignored: a loop or bounce; deleted: by an admin. */
export type MailVerdict = (typeof MAIL_VERDICTS)[number];

/** Characters of a Message-ID (RFC 5322 lines stop at 998). */
export const MAX_MESSAGE_ID = 998;
export const MAX_MAIL_SENDER = 320;
export const MAX_MAIL_SUBJECT = 400;
export const MAX_MAIL_REASON = 200;
/** Bytes of a quarantined message kept for admins (the listener refuses larger ones anyway). */
export const MAX_RAW_MAIL = 25 * 1024 * 1024;

export interface InboundMail {
  jurisdiction_id: string;
  /** As the message names itself, without its angle brackets. */
  message_id: string;
  /** The sender's address (private: admins only). */
  sender: string;
  subject: string;
  received_at: number;
}

export interface MailRecord extends InboundMail {
  id: string;
  verdict: MailVerdict;
  reason: string | null;
  request_id: string | null;
  /** Bytes of the kept raw message (0: none kept). */
  raw_size: number;
}

export interface MailThread {
  jurisdiction_id: string;
  request_id: string;
  /** Unguessable; the reporter's replies carry it in the intake address (plus address). */
  token: string;
  /** The reporter's first message, the head of every References we send. */
  root_message_id: string;
  /** The newest message of the reporter in the thread, which our next mail answers. */
  last_message_id: string;
}

export type FileOutcome =
  /** `replayed`: the message was filed before; its request, nothing new written. */
  { request: CreatedRequest; replayed: boolean };

export interface ClaimDetail {
  reason?: string;
  request_id?: string;
  /** Kept only when quarantined. */
  raw?: Uint8Array;
  /** The quarantined row of this message an admin released: it takes the new verdict. */
  replaces?: string;
}

export type ClaimOutcome = { claimed: true; id: string } | { claimed: false; earlier: MailRecord };

export interface MailIntakeStore {
  /**
   * Files a message as a request, in one transaction: the request with its
   * media, the thread and the message's row (a quarantined row becomes filed).
   * A message filed before gives back its request and writes nothing.
   */
  fileRequest(mail: InboundMail, request: NewRequest, token: string): Promise<FileOutcome>;
  /**
   * Claims a message for a verdict other than `filed` (its raw kept only when
   * quarantined). A message seen before is not claimed again: its row instead.
   */
  claim(mail: InboundMail, verdict: Exclude<MailVerdict, 'filed' | 'deleted'>, detail: ClaimDetail): Promise<ClaimOutcome>;
  /** Forgets a claim whose work failed, so the sender's retry is handled afresh. */
  unclaim(id: string): Promise<void>;
  /** The message's row, when it was seen. */
  find(jurisdiction_id: string, message_id: string): Promise<MailRecord | undefined>;
  threadByToken(token: string): Promise<MailThread | undefined>;
  threadOf(jurisdiction_id: string, request_id: string): Promise<MailThread | undefined>;
  /** The reporter's newest message of a thread (our next mail answers it). */
  noteReply(jurisdiction_id: string, request_id: string, message_id: string): Promise<void>;
  /** Quarantined messages of a jurisdiction, newest first. */
  quarantined(jurisdiction_id: string, limit: number): Promise<MailRecord[]>;
  /** A quarantined message's row and raw bytes. */
  quarantinedMail(jurisdiction_id: string, id: string): Promise<{ record: MailRecord; raw: Uint8Array } | undefined>;
  /** Marks a quarantined message deleted and drops its raw bytes; false when it is not quarantined. */
  discard(jurisdiction_id: string, id: string): Promise<boolean>;
  /** Forgets the rows received before `before` (their threads stay with their requests); returns how many. */
  prune(before: number): Promise<number>;
}

/** Headers that keep a mail in its reader's thread (outbox messages about a request filed by mail). */
export interface MailThreading {
  /** Without angle brackets, like every id here. */
  messageId: string;
  inReplyTo: string;
  references: string[];
  replyTo: string;
}
