/**
 * Query strings and form bodies as GeoReport servers expect them: dates as W3C datetimes
 * with an offset (or without, for servers that reject one), lists comma-separated, empty
 * values left out (the spec makes `?x=` equal to no x, but not every server agrees).
 */
import { formatDateTime } from '@o311/georeport';

export type ParamValue = string | number | boolean | Date | readonly string[] | null | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

export interface DateStyle {
  /** IANA zone the dates are written in (default UTC, written `+00:00`). */
  timezone?: string;
  /** Write the local time without any offset. */
  omitTimezone?: boolean;
}

/** A Date as `YYYY-MM-DDThh:mm:ss±hh:mm` (or without the offset); a string is sent as given. */
export function formatQueryDate(value: Date | string, style: DateStyle = {}): string {
  if (typeof value === 'string') return value;
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date in a query parameter');
  const text = formatDateTime(ms, style.timezone ?? 'UTC');
  return style.omitTimezone === true ? text.slice(0, -6) : text;
}

/** A parameter as text, or undefined when it should not be sent. */
export function paramText(value: ParamValue, style: DateStyle = {}): string | undefined {
  if (value === undefined || value === null) return undefined;
  let text: string;
  if (value instanceof Date) text = formatQueryDate(value, style);
  else if (Array.isArray(value)) text = value.join(',');
  else text = String(value);
  return text === '' ? undefined : text;
}

/** Percent-encodes, keeping `,` and `:` readable (comma lists, times); both are legal in a query. */
export const encodeComponent = (s: string): string => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':');

export function encodePairs(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
}

/** `a=1&b=x,y` (no leading `?`); keys in the order given. */
export function buildQuery(params: Params, style: DateStyle = {}): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(params)) {
    const text = paramText(value, style);
    if (text !== undefined) pairs.push([key, text]);
  }
  return encodePairs(pairs);
}
