/**
 * W3C-DTF datetimes. Input must carry a timezone (`Z` or `±hh:mm`); output is
 * written in a jurisdiction's local time with its offset: `2026-03-01T09:30:00-06:00`.
 */
import { civilFromDays, daysFromCivil, isValidDate, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './time/civil.js';
import { isWritableInstant, isWritableYear } from './time/writable-range.js';
import { zoneOffsetMinutes } from './time/zone-offset.js';

const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

const isClock = (h: number, mi: number, s: number): boolean => h <= 23 && mi <= 59 && s <= 59;

/**
 * Epoch ms, or undefined when `s` is not a W3C datetime with a timezone or names
 * an instant outside 0001-01-01..9999-12-31 UTC (`9999-12-31T23:59:59-23:59` is
 * in year 10000). Fractions allowed.
 */
export function parseW3CDateTime(s: string): number | undefined {
  const m = W3C_DATETIME.exec(s);
  if (m === null) return undefined;
  const [, ys, mos, ds, hs, mis, ss, frac, zulu, sign, ohs, oms] = m;
  const year = Number(ys), month = Number(mos), day = Number(ds);
  const hour = Number(hs), minute = Number(mis), second = Number(ss ?? 0);
  if (!isValidDate(year, month, day) || !isClock(hour, minute, second)) return undefined;
  let offset = 0;
  if (zulu === undefined) {
    const oh = Number(ohs), om = Number(oms);
    if (oh > 23 || om > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const ms =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    (minute - offset) * MS_PER_MINUTE +
    second * 1000 +
    millis;
  return isWritableInstant(ms) ? ms : undefined;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/**
 * `YYYY-MM-DDThh:mm:ss±hh:mm` in `timeZone` (IANA); must be fast (cache offsets).
 * Fractions of a second are dropped. Every instant {@link parseW3CDateTime}
 * accepts can be written: one whose local time in `timeZone` would fall in
 * year 0 or 10000 is written in UTC. Throws RangeError for an unknown zone or
 * an instant outside 0001-01-01..9999-12-31 UTC.
 */
export function formatDateTime(ms: number, timeZone: string): string {
  if (!isWritableInstant(ms)) throw new RangeError(`${ms} is outside the years 0001-9999 a W3C datetime can write`);
  return writeWithOffset(ms, zoneOffsetMinutes(ms, timeZone)) ?? writeWithOffset(ms, 0)!;
}

/** The instant as local time at `offset` minutes; undefined when that local year cannot be written. */
function writeWithOffset(ms: number, offset: number): string | undefined {
  // Local fields come from the offset itself, so text and offset always name the same instant.
  const local = Math.floor(ms / 1000) * 1000 + offset * MS_PER_MINUTE;
  const days = Math.floor(local / MS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  if (!isWritableYear(year)) return undefined;
  const rest = local - days * MS_PER_DAY;
  const hour = Math.floor(rest / MS_PER_HOUR);
  const minute = Math.floor((rest % MS_PER_HOUR) / MS_PER_MINUTE);
  const second = Math.floor((rest % MS_PER_MINUTE) / 1000);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${formatOffset(offset)}`;
}

const ISO_EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)?)?$/;
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,]\d+)?)?(?:[Zz]|[+-](\d{2})(\d{2})?)?)?$/;

/** Loose ISO 8601 check for `datetime` attribute values (date alone allowed, timezone optional). */
export function isIso8601(s: string): boolean {
  const m = ISO_EXTENDED.exec(s) ?? ISO_BASIC.exec(s);
  if (m === null) return false;
  const [, ys, mos, ds, hs, mis, ss, ohs, oms] = m;
  return (
    isValidDate(Number(ys), Number(mos), Number(ds)) &&
    isClock(Number(hs ?? 0), Number(mis ?? 0), Number(ss ?? 0)) &&
    Number(ohs ?? 0) <= 23 &&
    Number(oms ?? 0) <= 59
  );
}
