/** Field-level rules shared by the checks: each returns a problem sentence, or null when the value is fine. */
import { parseW3CDateTime, type Format } from '@o311/georeport';
import { isBlank, member, show, textOf, type RawObject, type RawValue } from '../../raw/value.js';

export type JsonType = 'string' | 'number' | 'boolean' | 'integer';

const DECIMAL = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export const isDecimal = (s: string): boolean => DECIMAL.test(s);

/** A required field: present and not blank. */
export function required(item: RawObject, key: string): string | null {
  const v = member(item, key);
  if (v === undefined) return `${key} is missing`;
  return isBlank(v) ? `${key} is empty` : null;
}

/** A field the spec lists (it may be empty): the element or key must be there. */
export const present = (item: RawObject, key: string): string | null =>
  member(item, key) === undefined ? `${key} is missing` : null;

/** Exact text among allowed values (absent is left to the required-field checks). */
export function oneOf(item: RawObject, key: string, allowed: readonly string[]): string | null {
  const v = member(item, key);
  if (v === undefined || v === null) return null;
  const t = textOf(v);
  return t !== null && allowed.includes(t) ? null : `${key} is ${show(v)}, not one of ${allowed.join('|')}`;
}

/** A W3C datetime with a timezone (`Z` or ±hh:mm); fractions of a second are allowed. Blank is left alone. */
export function dateTime(item: RawObject, key: string): string | null {
  const v = member(item, key);
  if (isBlank(v)) return null;
  const t = textOf(v);
  return t !== null && parseW3CDateTime(t.trim()) !== undefined
    ? null
    : `${key} ${show(v)} is not an ISO 8601 datetime with a timezone (Z or ±hh:mm)`;
}

export function epochOf(item: RawObject, key: string): number | null {
  const t = textOf(member(item, key));
  return t === null ? null : (parseW3CDateTime(t.trim()) ?? null);
}

/** JSON only: the value's JSON type (null allowed when `nullable`; absent is left to other checks). */
export function jsonType(item: RawObject, key: string, type: JsonType, nullable: boolean): string | null {
  const v = member(item, key);
  if (v === undefined) return null;
  if (v === null) return nullable ? null : `${key} is null, expected a ${type}`;
  const ok = type === 'integer' ? typeof v === 'number' && Number.isInteger(v) : typeof v === type;
  return ok ? null : `${key} is ${show(v)} (${jsonKind(v)}), expected a ${type}${nullable ? ' or null' : ''}`;
}

const jsonKind = (v: RawValue): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** A decimal number in range (text in XML, a number or numeric text in JSON). Blank is left alone. */
export function coordinate(item: RawObject, key: string, limit: number): string | null {
  const v = member(item, key);
  if (isBlank(v)) return null;
  const t = textOf(v);
  if (t === null || !isDecimal(t)) return `${key} ${show(v)} is not a decimal number`;
  return Math.abs(Number(t)) <= limit ? null : `${key} ${show(v)} is outside ±${limit}`;
}

/**
 * `true` or `false`. XML carries text, so the words are right there; JSON must use
 * real booleans — the official JSON Schemas (open311/schema-validation: service
 * `metadata`, attribute `variable`/`required`) type them `boolean`, so `"true"` fails.
 */
export function booleanText(item: RawObject, key: string, format: Format): string | null {
  const v = member(item, key);
  if (v === undefined) return null;
  if (format === 'json') return typeof v === 'boolean' ? null : `${key} is ${show(v)} (${jsonKind(v)}), expected the JSON boolean true or false`;
  const t = textOf(v);
  return t === 'true' || t === 'false' ? null : `${key} is ${show(v)}, not true or false`;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

/** An absolute http(s) URL, with no whitespace in or around it. */
export const isHttpUrl = (s: string): boolean => HTTP_URL.test(s);

/**
 * A URL field that may be null or absent (request `media_url`): the official
 * JSON Schema says `"format": "uri"` or null, so `""` and non-URLs are flagged.
 */
export function urlOrNull(item: RawObject, key: string, format: Format): string | null {
  const v = member(item, key);
  if (v === undefined || v === null) return null;
  const t = textOf(v);
  if (t !== null && t.trim() === '') return `${key} is empty; ${format === 'json' ? 'send null or omit it' : 'leave the element empty or omit it'}`;
  if (t !== null && t !== t.trim() && isHttpUrl(t.trim())) return `${key} ${show(v)} has whitespace around the URL`;
  return t !== null && isHttpUrl(t) ? null : `${key} ${show(v)} is not an absolute http(s) URL`;
}

export const firstProblems = (...results: (string | null)[]): string[] => results.filter((r): r is string => r !== null);

/** Values that occur more than once (nulls ignored), each once. */
export function duplicates(values: readonly (string | null)[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (v === null) continue;
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}
