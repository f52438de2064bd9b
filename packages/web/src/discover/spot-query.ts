/**
 * The spot of `/discover?lat=&long=`: absent (the empty form), a point, or
 * the typed values with one error per field. Plain decimal degrees only, as
 * the discovery API reads them (no exponents, hex or `Infinity`); a comma
 * decimal separator is accepted, since many people type one.
 */
import type { MessageKey } from '../i18n/translate.js';

export const LAT_FIELD = 'discover-lat';
export const LONG_FIELD = 'discover-long';

export interface SpotPoint {
  lat: number;
  long: number;
}

export interface SpotFieldError {
  /** The input's id. */
  id: typeof LAT_FIELD | typeof LONG_FIELD;
  message: MessageKey;
}

export type SpotQuery =
  | { kind: 'empty' }
  | { kind: 'point'; point: SpotPoint; typed: { lat: string; long: string } }
  | { kind: 'invalid'; errors: SpotFieldError[]; typed: { lat: string; long: string } };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

interface Axis {
  id: SpotFieldError['id'];
  limit: number;
  missing: MessageKey;
  range: MessageKey;
}

const LAT: Axis = { id: LAT_FIELD, limit: 90, missing: 'discover.error.latMissing', range: 'discover.error.latRange' };
const LONG: Axis = { id: LONG_FIELD, limit: 180, missing: 'discover.error.longMissing', range: 'discover.error.longRange' };

function read(text: string, axis: Axis): number | SpotFieldError {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return { id: axis.id, message: axis.missing };
  if (!DECIMAL.test(cleaned)) return { id: axis.id, message: 'discover.error.notNumber' };
  const value = Number(cleaned);
  return Math.abs(value) > axis.limit ? { id: axis.id, message: axis.range } : value;
}

export function parseSpot(lat: string, long: string): SpotQuery {
  if (lat.trim() === '' && long.trim() === '') return { kind: 'empty' };
  const typed = { lat, long };
  const la = read(lat, LAT);
  const lo = read(long, LONG);
  if (typeof la === 'number' && typeof lo === 'number') return { kind: 'point', point: { lat: la, long: lo }, typed };
  return { kind: 'invalid', errors: [la, lo].filter((v): v is SpotFieldError => typeof v !== 'number'), typed };
}
