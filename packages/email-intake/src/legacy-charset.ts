/**
 * Old clients still send raw 8-bit text without saying its charset: a
 * Latin-1 Subject, or a single-part body without `charset=`. The parser reads
 * such bytes as UTF-8 and writes U+FFFD for each accented letter. Bytes that
 * are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1, what
 * those clients meant) and handed on as UTF-8. Parts that name a charset, or
 * are encoded (base64, quoted-printable), are left as they are.
 */
import { isUtf8 } from 'node:buffer';

/**
 * Windows-1252's 0x80–0x9F (Latin-1 has control codes there); undefined bytes
 * stay as Latin-1. Written out because Node's TextDecoder reads this label as
 * plain Latin-1.
 */
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F'
  + '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const windows1252 = (bytes: Buffer): string =>
  bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);

const asUtf8 = (bytes: Buffer): Buffer => (isUtf8(bytes) ? bytes : Buffer.from(windows1252(bytes), 'utf8'));

/** Where the header block ends (the empty line), and where the body starts. */
function headerEnd(raw: Buffer): { end: number; body: number } | undefined {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, body: crlf + 4 };
  return lf >= 0 ? { end: lf, body: lf + 2 } : undefined;
}

/** Whether a body in these headers is raw text of an unnamed charset. */
function unlabelledText(headers: string): boolean {
  const type = /^content-type:\s*([^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)/im.exec(headers)?.[1] ?? 'text/plain';
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase() ?? '7bit';
  return /^\s*text\//i.test(type) && !/charset\s*=/i.test(type) && (encoding === '7bit' || encoding === '8bit');
}

export function legacyCharsetToUtf8(raw: Buffer): Buffer {
  const split = headerEnd(raw);
  if (!split || isUtf8(raw)) return raw;
  const headers = asUtf8(raw.subarray(0, split.end));
  const body = raw.subarray(split.body);
  const separator = raw.subarray(split.end, split.body);
  return Buffer.concat([headers, separator, unlabelledText(headers.toString('utf8')) ? asUtf8(body) : body]);
}
