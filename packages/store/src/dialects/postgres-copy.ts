/**
 * Imported requests into PostgreSQL with `COPY ... FROM STDIN` (text format):
 * the server parses plain lines instead of one array literal per column, and
 * Node builds one string per batch. Rows carry no U+0000 (refused, as for every
 * other statement: see nul-text.ts); everything else passes byte for byte.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { NulInTextError } from '../nul-text.js';
import type { ImportRowValues } from './adapter.js';

/** The columns written, in the order of each line; `media_ids` (no uploads) follows them. */
export const COPY_COLUMNS = [
  'jurisdiction_id', 'service_code', 'service_name', 'status', 'public_status', 'status_notes',
  'description', 'agency_responsible', 'service_notice', 'requested_at', 'updated_at', 'expected_at',
  'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url', 'attributes',
  'email', 'first_name', 'last_name', 'phone', 'device_id', 'account_id', 'status_imported',
] as const satisfies readonly (keyof ImportRowValues)[];

const NO_MEDIA = '[]';

/** Characters with a meaning in COPY's text format: the escape, the delimiter and line ends. */
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of COPY's text format: `\N` for null; numbers as `String` writes them (exact for doubles and safe integers). */
function field(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot import the number ${v}`);
    return String(v);
  }
  return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : v;
}

/** The rows as COPY text: one line per row, fields separated by tabs. Throws NulInTextError before anything is sent. */
export function encodeCopyText(rows: readonly ImportRowValues[]): string {
  // Joined once: a string grown line by line is a deep rope that the garbage collector keeps tracing.
  const lines = new Array<string>(rows.length);
  const fields = new Array<string>(COPY_COLUMNS.length + 1);
  fields[COPY_COLUMNS.length] = NO_MEDIA;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let c = 0; c < COPY_COLUMNS.length; c++) fields[c] = field(row[COPY_COLUMNS[c]!]);
    lines[i] = fields.join('\t');
  }
  const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  // One scan of the whole batch: numbers never hold U+0000, so any is in a text field.
  if (text.includes('\0')) throw new NulInTextError();
  return text;
}

/** Sends COPY text to `table` on this client (inside the caller's transaction). */
export async function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], text: string): Promise<void> {
  const statement = `copy ${table} (${columns.join(', ')}) from stdin`;
  await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
}

export const COPY_TARGET = { table: 'requests', columns: [...COPY_COLUMNS, 'media_ids'] } as const;
