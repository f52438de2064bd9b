/**
 * One raw message read into what the intake needs. The raw bytes are bounded
 * before (MailLimits.maxMessageBytes), so mailparser may hold them whole; its
 * HTML-to-text pass is skipped for long HTML, and text is cut to a bound.
 * Raw 8-bit text of no named charset is read as Windows-1252 (legacy-charset.ts).
 * A message without a sender is malformed; one without a Message-ID gets one
 * from its bytes, so a redelivery of it is still recognised.
 */
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import { legacyCharsetToUtf8 } from './legacy-charset.js';
import type { MailLimits } from './limits.js';

export interface MailAttachment {
  filename: string | undefined;
  contentType: string;
  bytes: Buffer;
}

export interface ParsedMail {
  /** Without angle brackets. */
  messageId: string;
  from: string;
  subject: string;
  text: string;
  /** To, Cc and Delivered-To/X-Original-To addresses, as written (a file's recipients when no envelope names them). */
  recipients: string[];
  /** In-Reply-To and References, newest last, without angle brackets. */
  thread: string[];
  /** Lower-cased header names to their raw text, for the loop guard. */
  headers: ReadonlyMap<string, string>;
  attachments: MailAttachment[];
}

export type ParseOutcome = { ok: true; mail: ParsedMail } | { ok: false; reason: 'malformed' | 'too-many-attachments' };

const HTML_TO_TEXT_MAX = 1_000_000;

/** The Message-ID of a message that names none (or one unusable): its bytes', so a redelivery is still recognised. */
export const bytesMessageId = (raw: Buffer): string => `${createHash('sha256').update(raw).digest('hex')}@o311.invalid`;

const bare = (id: string): string => id.trim().replace(/^<|>$/g, '').trim();

function ids(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const all = (Array.isArray(value) ? value : value.split(/\s+/)).map(bare).filter((v) => v !== '');
  return all.slice(-50);
}

/** As written: a thread token's case matters. */
const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value).flatMap((v) => (v.address ? [v.address.trim()] : []));

const firstAddress = (from: AddressObject | AddressObject[] | undefined): string | undefined => addressesOf(from)[0]?.toLowerCase();

/** Recipients named in a message's headers, at most as many as an SMTP envelope may have. */
const MAX_HEADER_RECIPIENTS = 50;

function recipientsOf(parsed: { to?: AddressObject | AddressObject[]; cc?: AddressObject | AddressObject[] }, headers: ReadonlyMap<string, string>): string[] {
  const delivered = ['delivered-to', 'x-original-to'].flatMap((h) => (headers.get(h) ?? '').split(/[\s,<>]+/)).filter((a) => a.includes('@'));
  return [...new Set([...delivered, ...addressesOf(parsed.to), ...addressesOf(parsed.cc)])].slice(0, MAX_HEADER_RECIPIENTS);
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (typeof value === 'object' && value !== null && 'value' in value) return String((value as { value: unknown }).value);
  return JSON.stringify(value);
}

/**
 * Text a mail carries, without control characters but tab and line breaks:
 * neither database stores NUL in text, and none of them is anything a person wrote.
 */
// eslint-disable-next-line no-control-regex
const printable = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');

export async function parseMail(raw: Buffer, limits: MailLimits): Promise<ParseOutcome> {
  let parsed;
  try {
    parsed = await simpleParser(legacyCharsetToUtf8(raw), { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: HTML_TO_TEXT_MAX });
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const from = firstAddress(parsed.from);
  if (!from || !from.includes('@')) return { ok: false, reason: 'malformed' };
  if (parsed.attachments.length > limits.maxAttachments) return { ok: false, reason: 'too-many-attachments' };
  const messageId = parsed.messageId ? bare(parsed.messageId) : '';
  const headers = new Map<string, string>();
  for (const [name, value] of parsed.headers) headers.set(name.toLowerCase(), headerText(value));
  return {
    ok: true,
    mail: {
      messageId: messageId !== '' && messageId.length <= 900 ? printable(messageId) : bytesMessageId(raw),
      from: printable(from),
      recipients: recipientsOf(parsed, headers),
      subject: printable(parsed.subject ?? '').trim().slice(0, 400),
      text: printable(parsed.text ?? '').slice(0, limits.maxTextChars),
      thread: [...ids(parsed.references), ...ids(parsed.inReplyTo)],
      headers,
      attachments: parsed.attachments.map((a) => ({ filename: a.filename === undefined ? undefined : printable(a.filename), contentType: a.contentType.toLowerCase(), bytes: a.content })),
    },
  };
}
