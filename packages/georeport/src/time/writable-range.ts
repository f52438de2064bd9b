/**
 * The instants o311 accepts and publishes: 0001-01-01T00:00:00Z through
 * 9999-12-31T23:59:59.999Z. W3C-DTF writes four-digit years, so an instant
 * outside this range has no text; one accepted from a client would make every
 * later read of it fail. Parsers refuse what lies outside, and the formatter
 * can write everything inside in any zone.
 */
import { daysFromCivil, MS_PER_DAY } from './civil.js';

export const FIRST_WRITABLE_INSTANT = daysFromCivil(1, 1, 1) * MS_PER_DAY;
export const LAST_WRITABLE_INSTANT = daysFromCivil(10_000, 1, 1) * MS_PER_DAY - 1;

export const isWritableInstant = (ms: number): boolean =>
  Number.isFinite(ms) && ms >= FIRST_WRITABLE_INSTANT && ms <= LAST_WRITABLE_INSTANT;

/** Whether a calendar year can be written by W3C-DTF as o311 publishes it. */
export const isWritableYear = (year: number): boolean => year >= 1 && year <= 9999;
