/**
 * How the dashboard writes its figures in the reader's language: days,
 * hours, a change against the week before (an arrow AND words, never colour
 * alone) and the names of histogram buckets. browser/dashboard.ts writes the
 * same texts from the catalogue entries the page hands it (page-texts.ts).
 */
import type { Translator } from '../i18n/translate.js';
import type { MessageKey } from '../i18n/messages/index.js';

/** A `YYYY-MM-DD` day in the reader's words (e.g. `3 Dec 2026`). */
export const dayText = (t: Translator, day: string): string =>
  new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));

export const hoursText = (t: Translator, hours: number): string =>
  t('dashboard.hours', { n: new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(hours) });

/** `▲ up 3`, `▼ down 2`, `= no change`; `cannot compare` when a side has no figure. */
export function changeText(t: Translator, now: number | null, before: number | null): string {
  if (now === null || before === null) return t('dashboard.change.unknown');
  const diff = Math.round((now - before) * 10) / 10;
  const n = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(Math.abs(diff));
  return diff > 0 ? t('dashboard.change.up', { n }) : diff < 0 ? t('dashboard.change.down', { n }) : t('dashboard.change.same');
}

/** A histogram bucket's name: `under 4 h`, `4 to 12 h`, `720 h or more` (or days). */
export function bucketText(t: Translator, unit: 'hours' | 'days', from: number, to: number | null): string {
  const key = (part: 'Under' | 'Between' | 'Over'): MessageKey => `dashboard.${unit}${part}`;
  const n = (v: number) => t.number(v);
  if (to === null) return t(key('Over'), { from: n(from) });
  return from === 0 ? t(key('Under'), { to: n(to) }) : t(key('Between'), { from: n(from), to: n(to) });
}
