/**
 * W3C datetimes on the import hot path. The common exact shape
 * `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)` is read digit by digit (~40 ns);
 * anything else goes to @o311/georeport's parser, which decides what is valid.
 */
import { isWritableInstant, parseW3CDateTime } from '@o311/georeport';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/** Epoch ms, or undefined when `s` is not a W3C datetime with a timezone in years 0001-9999 UTC. */
export function parseDateTime(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return parseW3CDateTime(s);
  }
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return parseW3CDateTime(s);
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return parseW3CDateTime(s);
  }
  const leap = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  if (day > (DAYS_IN_MONTH[month - 1] ?? 31) + (leap ? 1 : 0)) return undefined;
  let i = 19;
  let millis = 0;
  if (s.charCodeAt(i) === 46) {
    i += 1;
    let scale = 100;
    const from = i;
    while (i < n) {
      const d = digit(s, i);
      if (d < 0) break;
      millis += d * scale;
      scale /= 10;
      i += 1;
    }
    if (i === from) return undefined;
    millis = Math.floor(millis);
  }
  let offset = 0;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === n) {
    offset = 0;
  } else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return parseW3CDateTime(s);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  // As georeport's parser: an offset may carry the last day of 9999 into year 10000.
  return isWritableInstant(ms) ? ms : undefined;
}
