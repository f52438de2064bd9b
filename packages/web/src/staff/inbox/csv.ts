/**
 * CSV as RFC 4180 writes it (CRLF line ends; fields with a comma, quote or
 * line break quoted, quotes doubled), with a guard against formula injection:
 * a text cell starting with = + - @ (or a tab or carriage return) gets a
 * leading apostrophe so spreadsheets show it as text. Numbers are written as is.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly CsvCell[]): string => `${cells.map(csvCell).join(',')}\r\n`;
