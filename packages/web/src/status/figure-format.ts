/**
 * How the status pages write their figures in the reader's language: shares
 * as percentages, latencies in ms, UTC dates and hours, durations, ages and
 * country names (Intl, so every locale gets its own digits and words). A
 * missing figure is a dash that screen readers read as "no data".
 */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

const UTC = 'UTC';

export function noData(t: Translator): Html {
  return html`<span aria-hidden="true">—</span><span class="sr-only">${t('status.noData')}</span>`;
}

/** A figure, or the no-data mark. */
export const orNoData = <T>(t: Translator, value: T | null | undefined, write: (v: T) => string | Html): Html | string =>
  value === null || value === undefined ? noData(t) : write(value);

export const percent = (t: Translator, ratio: number): string =>
  new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 2 }).format(ratio);

export const milliseconds = (t: Translator, ms: number): string =>
  new Intl.NumberFormat(t.locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(ms);

export const count = (t: Translator, n: number): string => t.number(n);

/** `at least 1,000` when the endpoint capped its answer. */
export const countAtLeast = (t: Translator, n: number, capped: boolean): string => (capped ? t('status.atLeast', { n: t.number(n) }) : t.number(n));

export const dateTimeUtc = (t: Translator, ms: number): string =>
  new Intl.DateTimeFormat(t.locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: UTC, timeZoneName: 'short' }).format(ms);

export const dayUtc = (t: Translator, ms: number): string => new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeZone: UTC }).format(ms);

/** A short day label for chart axes, e.g. `3 Dec`. */
export const shortDayUtc = (t: Translator, ms: number): string => new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short', timeZone: UTC }).format(ms);

/** An hour for chart axes and tables, e.g. `3 Dec, 17:00`. */
export const hourUtc = (t: Translator, ms: number): string =>
  new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: UTC }).format(ms);

/** A machine-readable time for `<time datetime>`. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

export const timeElement = (text: string, ms: number): Html => html`<time datetime="${isoTime(ms)}">${text}</time>`;

/** How long ago, compact, with the full UTC date and time as its title (e.g. `12 minutes ago`). */
export const agoElement = (t: Translator, ms: number, now: number): Html =>
  html`<time datetime="${isoTime(ms)}" title="${dateTimeUtc(t, ms)}">${age(t, ms, now)}</time>`;

const DURATION_UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/** A length of time in its two largest units, e.g. `2 hours, 5 minutes` (under a minute: `less than a minute`). */
export function duration(t: Translator, ms: number): string {
  const whole = Math.max(0, ms);
  const first = DURATION_UNITS.findIndex(([, size]) => whole >= size);
  const big = DURATION_UNITS[first];
  if (big === undefined) return t('status.underAMinute');
  const unitText = (unit: string, n: number): string => new Intl.NumberFormat(t.locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
  const parts = [unitText(big[0], Math.floor(whole / big[1]))];
  const small = DURATION_UNITS[first + 1];
  const rest = small === undefined ? 0 : Math.floor((whole % big[1]) / small[1]);
  if (small !== undefined && rest > 0) parts.push(unitText(small[0], rest));
  return new Intl.ListFormat(t.locale, { style: 'long', type: 'unit' }).format(parts);
}

/** How long ago, e.g. `3 days ago`. */
export function age(t: Translator, at: number, now: number): string {
  const rtf = new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' });
  const past = Math.max(0, now - at);
  for (const [unit, size] of DURATION_UNITS) {
    if (past >= size) return rtf.format(-Math.floor(past / size), unit);
  }
  return rtf.format(-Math.floor(past / 60_000), 'minute');
}

/** The country's name in the reader's language (its code when Intl does not know it). */
export function countryName(t: Translator, code: string): string {
  try {
    return new Intl.DisplayNames(t.locale, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Requests per day over `days` days, to one decimal (`at least` when capped). */
export function perDay(t: Translator, requests: number, days: number, capped: boolean): string {
  const n = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(requests / days);
  return capped ? t('status.atLeast', { n }) : n;
}
