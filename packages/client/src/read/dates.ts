/**
 * Tolerant datetimes → `YYYY-MM-DDThh:mm:ss±hh:mm`. Accepted: a space (or several)
 * for `T`, fractions of a second (dropped), missing seconds or time, `Z`/`UTC`,
 * offsets without a colon or minutes. A given offset is kept as sent; without
 * one the time is taken as local time in the reader's timezone (with a warning).
 */
import { formatOffset, parseW3CDateTime, zoneOffsetMinutes } from '@o311/georeport';
import type { FieldReader } from './record.js';
import type { FieldOptions } from './scalars.js';
import { rulesOf, scalar } from './scalars.js';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const TOLERANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:(T|t| +)(\d{2}):(\d{2})(?::(\d{2})([.,]\d+)?)?)? ?(?:(Z|z|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)?$/;

export interface NormalisedDate {
  value: string;
  /** No offset was given: `value` carries the reader's timezone. */
  zoneless: boolean;
  /** Written in another form than the canonical one (besides a missing offset). */
  reformatted: boolean;
}

/** Undefined when `text` is no datetime (or names a day or time that does not exist). */
export function normaliseDate(text: string, timeZone: string): NormalisedDate | undefined {
  if (CANONICAL.test(text)) return isCanonicalValid(text) ? { value: text, zoneless: false, reformatted: false } : undefined;
  const m = TOLERANT.exec(text);
  if (m === null) return undefined;
  const [, year, month, day, separator, hour = '00', minute = '00', second, fraction, zulu, sign, offsetHours = '00', offsetMinutes = '00'] = m;
  if (!isValid(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second ?? 0))) return undefined;
  const local = `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}`;
  const zoneless = zulu === undefined && sign === undefined;
  // With an offset, only a non-canonical form gets here.
  const reformatted = !zoneless || separator !== 'T' || second === undefined || fraction !== undefined;
  if (!zoneless) {
    if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
    return { value: `${local}${sign === undefined ? '+00:00' : `${sign}${offsetHours}:${offsetMinutes}`}`, zoneless, reformatted };
  }
  const wall = parseW3CDateTime(`${local}Z`);
  if (wall === undefined) return undefined;
  // The offset in force at the wall time: asked at a first guess of the instant, then at the
  // instant that guess gives, which is right on both sides of a DST change.
  const guess = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  return { value: local + formatOffset(zoneOffsetMinutes(guess, timeZone)), zoneless, reformatted };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

function isValid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const days = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1];
  return days !== undefined && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 59;
}

/** Digits at `at` of a string CANONICAL matched, read without slicing: this runs for every date of a list. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function isCanonicalValid(s: string): boolean {
  return isValid(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2)) &&
    digits(s, 20, 2) <= 23 && digits(s, 23, 2) <= 59;
}

export function dateTime<F extends string | null>(options: FieldOptions<F>): FieldReader<string | F> {
  const rules = rulesOf(options);
  return {
    read(rec, field) {
      const v = scalar(rec, field, rules);
      if (v === null || v === undefined) return options.fallback;
      const date = typeof v === 'string' ? normaliseDate(v, rec.ctx.timezone) : undefined;
      if (date === undefined) {
        rec.warn('invalid-date', field, v, rules.shown);
        return options.fallback;
      }
      if (date.zoneless) rec.warn('date-without-timezone', field, v, rec.ctx.timezone);
      if (date.reformatted) rec.warn('date-reformatted', field, v);
      return date.value;
    },
  };
}
