/**
 * Gazetteer rows read from a file: the columns (or GeoJSON properties) a
 * file may use for each field, common aliases included, and the rows as
 * they become address points or streets, with the problem of each bad one
 * at its line (CSV) or feature (GeoJSON).
 */
import { addressRow, streetRow } from '@o311/geocoder';
import type { GazetteerAddress, GazetteerStreet } from '@o311/store';

/** Each field and the names a file may give it (compared in lower case, `-`, ` ` and `:` read as `_`). */
export const GAZETTEER_COLUMNS = {
  number: ['number', 'house_number', 'housenumber', 'addr_housenumber', 'numero', 'num', 'no'],
  street: ['street', 'street_name', 'streetname', 'addr_street', 'road', 'name', 'calle', 'rue', 'voie', 'via'],
  unit: ['unit', 'apt', 'apartment', 'addr_unit', 'flat', 'suite'],
  postcode: ['postcode', 'zip', 'zipcode', 'zip_code', 'postal_code', 'addr_postcode', 'cp', 'code_postal', 'codigo_postal'],
  lat: ['lat', 'latitude', 'y'],
  long: ['lon', 'long', 'lng', 'longitude', 'x'],
} as const;
export type GazetteerField = keyof typeof GAZETTEER_COLUMNS;

export const columnKey = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/[\s:-]+/g, '_');

/** The field a column or property name stands for, if any, and how far down its list of names (0: its own name). */
export function fieldOf(name: string): { field: GazetteerField; rank: number } | undefined {
  const key = columnKey(name);
  for (const field of Object.keys(GAZETTEER_COLUMNS) as GazetteerField[]) {
    const rank = (GAZETTEER_COLUMNS[field] as readonly string[]).indexOf(key);
    if (rank >= 0) return { field, rank };
  }
  return undefined;
}

/**
 * Which of `names` (columns, or a feature's properties) gives each field:
 * of two names for one field, the one earlier in its list ("street" over "name").
 */
export function fieldColumns(names: readonly string[]): Map<GazetteerField, number> {
  const best = new Map<GazetteerField, { index: number; rank: number }>();
  names.forEach((name, index) => {
    const f = fieldOf(name);
    const held = f && best.get(f.field);
    if (f && (held === undefined || f.rank < held.rank)) best.set(f.field, { index, rank: f.rank });
  });
  return new Map([...best].map(([field, { index }]) => [field, index]));
}

export interface RowProblem {
  /** `line 12` or `feature 3`. */
  where: string;
  message: string;
}

/** What a file holds: its rows as they will be stored, and every row refused. */
export interface GazetteerRows {
  addresses: GazetteerAddress[];
  streets: GazetteerStreet[];
  problems: RowProblem[];
  /** Rows read (good and bad). */
  rows: number;
}

export const emptyRows = (): GazetteerRows => ({ addresses: [], streets: [], problems: [], rows: 0 });

/** A coordinate as text or number; NaN when it is neither. */
export const coordinate = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN);

/** Adds one row: an address point when it has a number, else a street point. */
export function addRow(out: GazetteerRows, where: string, v: Partial<Record<GazetteerField, unknown>>): void {
  out.rows++;
  const str = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
  const point = { lat: coordinate(v.lat), long: coordinate(v.long) };
  const number = str(v.number).trim();
  const row = number === ''
    ? streetRow({ name: str(v.street), ...point })
    : addressRow({ number, street: str(v.street), unit: str(v.unit), postcode: str(v.postcode), ...point });
  if (typeof row === 'string') out.problems.push({ where, message: row });
  else if ('number' in row) out.addresses.push(row);
  else out.streets.push(row);
}
