/**
 * Imported requests into PostgreSQL with `COPY ... FROM STDIN (FORMAT binary)`:
 * numbers travel as their 8 bytes (exact, with no decimal text to write in Node
 * and to parse on the server: that was a third of Node's encoding time), text
 * as its UTF-8 bytes with no escaping, each batch as one Buffer. Rows carry no
 * U+0000 (refused, as for every other statement: see nul-text.ts).
 *
 * The binary format names no types: each value must have exactly its
 * column's type (text, int8, float8, int4), as COPY_COLUMNS says.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { NulInTextError } from '../nul-text.js';
import type { ImportRowValues } from './adapter.js';

type ColumnType = 'text' | 'int8' | 'float8' | 'int4';

/** The columns written, in the order of each tuple, with their types in the schema; `media_ids` (no uploads) follows them. */
const COLUMNS = [
  ['jurisdiction_id', 'text'], ['service_code', 'text'], ['service_name', 'text'], ['status', 'text'],
  ['public_status', 'text'], ['status_notes', 'text'], ['description', 'text'], ['agency_responsible', 'text'],
  ['service_notice', 'text'], ['requested_at', 'int8'], ['updated_at', 'int8'], ['expected_at', 'int8'],
  ['address', 'text'], ['address_id', 'text'], ['zipcode', 'text'], ['lat', 'float8'], ['long', 'float8'],
  ['media_url', 'text'], ['attributes', 'text'], ['email', 'text'], ['first_name', 'text'], ['last_name', 'text'],
  ['phone', 'text'], ['device_id', 'text'], ['account_id', 'text'], ['channel', 'text'], ['status_imported', 'int4'],
] as const satisfies readonly (readonly [keyof ImportRowValues, ColumnType])[];

export const COPY_COLUMNS: readonly (keyof ImportRowValues)[] = COLUMNS.map(([name]) => name);
const TYPES: readonly ColumnType[] = COLUMNS.map(([, type]) => type);

const NO_MEDIA = '[]';
/** Signature, flags (no OIDs), header extension length: the binary format's 19-byte header. */
const HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
const TWO_TO_32 = 2 ** 32;

/** One batch's tuples, written into a Buffer that doubles when full. */
class BinaryTuples {
  private buf: Buffer;
  private at = 0;

  constructor(rows: number) {
    this.buf = Buffer.allocUnsafe(HEADER.length + 2 + rows * 256);
    this.at = HEADER.copy(this.buf, 0);
  }

  private room(bytes: number): void {
    if (this.buf.length - this.at >= bytes) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  fieldCount(n: number): void {
    this.room(2);
    this.at = this.buf.writeInt16BE(n, this.at);
  }

  null(): void {
    this.room(4);
    this.at = this.buf.writeInt32BE(-1, this.at);
  }

  text(s: string): void {
    const n = s.length;
    this.room(4 + 3 * n);
    const buf = this.buf;
    const start = this.at + 4;
    // Byte by byte while ASCII (most fields): cheaper than a call into UTF-8 encoding.
    let k = 0;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80 || c === 0) break;
      buf[start + k] = c;
    }
    let bytes = k;
    if (k < n) {
      if (s.includes('\0')) throw new NulInTextError();
      bytes = buf.write(s, start, 'utf8');
    }
    buf.writeInt32BE(bytes, this.at);
    this.at = start + bytes;
  }

  int8(v: number): void {
    if (!Number.isSafeInteger(v)) throw new Error(`cannot import the number ${v}: a whole number is needed`);
    this.room(12);
    const high = Math.floor(v / TWO_TO_32);
    let at = this.buf.writeInt32BE(8, this.at);
    at = this.buf.writeInt32BE(high, at);
    this.at = this.buf.writeUInt32BE(v - high * TWO_TO_32, at);
  }

  float8(v: number): void {
    if (!Number.isFinite(v)) throw new Error(`cannot import the number ${v}`);
    this.room(12);
    this.at = this.buf.writeDoubleBE(v, this.buf.writeInt32BE(8, this.at));
  }

  int4(v: number): void {
    this.room(8);
    this.at = this.buf.writeInt32BE(v, this.buf.writeInt32BE(4, this.at));
  }

  /** The trailer, and the bytes written. */
  end(): Buffer {
    this.fieldCount(-1);
    return this.buf.subarray(0, this.at);
  }
}

/** The rows in COPY's binary format, header and trailer included. Throws NulInTextError before anything is sent. */
export function encodeCopyBinary(rows: readonly ImportRowValues[]): Buffer {
  const out = new BinaryTuples(rows.length);
  for (const row of rows) {
    out.fieldCount(COPY_COLUMNS.length + 1);
    for (let c = 0; c < COPY_COLUMNS.length; c++) {
      const v = row[COPY_COLUMNS[c]!];
      if (v === null) out.null();
      else if (TYPES[c] === 'text') out.text(v as string);
      else if (TYPES[c] === 'int8') out.int8(v as number);
      else if (TYPES[c] === 'float8') out.float8(v as number);
      else out.int4(v as number);
    }
    out.text(NO_MEDIA);
  }
  return out.end();
}

/** Sends COPY binary data to `table` on this client (inside the caller's transaction). */
export async function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], data: Buffer): Promise<void> {
  const statement = `copy ${table} (${columns.join(', ')}) from stdin (format binary)`;
  await pipeline(Readable.from([data]), client.query(copyFrom(statement)));
}

export const COPY_TARGET = { table: 'requests', columns: [...COPY_COLUMNS, 'media_ids'] } as const;
