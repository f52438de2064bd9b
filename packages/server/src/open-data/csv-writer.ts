/**
 * CSV (RFC 4180) written as a stream: UTF-8, a header row, CRLF line ends,
 * fields quoted only when they hold a quote, comma, CR or LF.
 */
import type { Readable } from 'node:stream';
import { pageStream } from './page-stream.js';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export interface CsvOptions {
  /** Starts the file with a byte order mark, which Excel needs to read UTF-8 accents; off by default. */
  bom?: boolean;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * A spreadsheet runs a cell starting with one of these as a formula (CSV
 * injection): such text gets a leading apostrophe. Numbers are written as
 * they are, so negative coordinates stay numbers.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'].map((c) => c.charCodeAt(0)));
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: null and undefined are empty, text is guarded against formulas and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly CsvValue[]): string => cells.map(csvCell).join(',') + '\r\n';

/** The header row, then one line per row of each page, as the pages come. */
export function csvStream<T>(columns: readonly CsvColumn<T>[], pages: AsyncIterable<readonly T[]>, options: CsvOptions = {}): Readable {
  const head = (options.bom ? '\ufeff' : '') + csvLine(columns.map((c) => c.header));
  const values = columns.map((c) => c.value);
  const encodePage = (rows: readonly T[]): string => {
    let out = '';
    for (const row of rows) {
      for (let i = 0; i < values.length; i++) out += (i === 0 ? '' : ',') + csvCell(values[i]!(row));
      out += '\r\n';
    }
    return out;
  };
  return pageStream(pages, encodePage, head);
}
