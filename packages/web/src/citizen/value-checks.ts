/**
 * The server's rules for single values (@o311/georeport input checks), restated
 * where they are not exported, so the pages can name the field at fault in
 * the reader's language before submitting.
 */
import { isIso8601 } from '@o311/georeport';

export { isIso8601 };

/** GeoReport `number` attributes: decimal with optional exponent (as the server parses them). */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Coordinates: plain decimal. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Same pattern as the server's email check. */
export const EMAIL_PATTERN = '[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+';
const EMAIL = new RegExp(`^${EMAIL_PATTERN}$`);

export const isNumber = (s: string): boolean => NUMBER.test(s) && Number.isFinite(Number(s));

export const isEmailAddress = (s: string): boolean => EMAIL.test(s);

export const hasLineBreak = (s: string): boolean => /[\r\n\u2028\u2029]/.test(s);

/** Length as a person counts characters (code points). */
export const charCount = (s: string): number => Array.from(s).length;

export function coordinate(s: string, limit: 90 | 180): number | undefined {
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(s);
  return n >= -limit && n <= limit ? n : undefined;
}
