/**
 * The `Idempotency-Key` request header of POST requests, an o311 extension
 * after the IETF httpapi draft "The Idempotency-Key HTTP Header Field": a
 * Structured Field String (`Idempotency-Key: "8e03978e-…"`). The server also
 * reads a bare value without quotes, as many clients send one; its content is
 * what the key is, either way. o311 bounds the content: 1 to 255 printable
 * ASCII characters.
 */
import { badRequest, type Open311Failure } from '../errors.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** A server keeps a key at least this long after the request it filed (o311 prunes hourly). */
export const IDEMPOTENCY_KEY_KEPT_HOURS = 24;

const EXAMPLE = 'Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"';
/** What a String's content may hold (RFC 8941 §3.3.3): space and the visible ASCII characters. */
const PRINTABLE = /^[\x20-\x7e]*$/;
/** A bare (unquoted) key: visible ASCII without the characters that would make it a list or a String. */
const BARE = /^[\x21-\x7e]+$/;
const NOT_BARE = /["\\,]/;

const refuse = (problem: string): Open311Failure =>
  badRequest(
    `The Idempotency-Key header ${problem}; send one key of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, ` +
      `e.g. ${EXAMPLE}.`,
  );

/** The content of a Structured Field String, or undefined when `value` is not exactly one. */
function sfString(value: string): string | undefined {
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') return i === value.length - 1 ? out : undefined;
    if (c === '\\') {
      const next = value[++i];
      if (next !== '"' && next !== '\\') return undefined;
      out += next;
    } else {
      out += c;
    }
  }
  return undefined;
}

/**
 * The key a request's header holds; undefined without the header. A header
 * sent twice (read as a list), a malformed String, or content out of bounds
 * is a 400 naming the header.
 */
export function parseIdempotencyKey(header: string | readonly string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string') {
    if (header.length > 1) throw refuse('was sent more than once');
    return parseIdempotencyKey(header[0]);
  }
  const value = header.trim();
  // Escapes at most double a key; anything longer is refused before it is read.
  if (value.length > MAX_IDEMPOTENCY_KEY_LENGTH * 2 + 2) throw refuse(`is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  let key: string | undefined;
  if (value.startsWith('"')) {
    key = sfString(value);
    if (key === undefined) throw refuse(value.includes('",') ? 'was sent more than once' : 'is not a well-formed quoted string');
  } else {
    if (value.includes(',')) throw refuse('was sent more than once');
    if (value !== '' && (!BARE.test(value) || NOT_BARE.test(value))) throw refuse('holds characters a key may not hold');
    key = value;
  }
  if (key === '') throw refuse('is empty');
  if (!PRINTABLE.test(key)) throw refuse('holds characters a key may not hold');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw refuse(`is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  return key;
}

/** The header's value for `key` (a quoted String); RangeError when the key is out of bounds. */
export function formatIdempotencyKey(key: string): string {
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !PRINTABLE.test(key)) {
    const shown = JSON.stringify(key.slice(0, 40));
    throw new RangeError(`An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters; got ${shown}`);
  }
  return `"${key.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
