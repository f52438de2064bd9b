/**
 * How the dashboard's figures read in the page's language, from the
 * catalogue entries the page hands over (src/dashboard/page-texts.ts) and
 * Intl: the same words as src/dashboard/dashboard-format.ts writes.
 */
import { pluralText } from './plural.js';

export type Texts = Record<string, string>;

export function readTexts(): Texts {
  try {
    return JSON.parse(document.getElementById('dashboard-texts')?.textContent ?? '{}') as Texts;
  } catch {
    return {};
  }
}

export interface Words {
  text(key: string, vars?: Record<string, string | number>): string;
  /** A counted message (its forms are `base.one`, `base.other`… in the texts). */
  plural(base: string, count: number): string;
  number(n: number): string;
  day(day: string): string;
  hours(n: number): string;
  change(now: number | null, before: number | null): string;
  bucket(unit: 'hours' | 'days', from: number, to: number | null): string;
}

export function words(texts: Texts, locale: string): Words {
  const numbers = new Intl.NumberFormat(locale);
  const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const text = (key: string, vars: Record<string, string | number> = {}): string =>
    (texts[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  return {
    text,
    plural: (base, count) => {
      const forms = Object.fromEntries(Object.entries(texts).filter(([k]) => k.startsWith(`${base}.`)).map(([k, v]) => [k.slice(base.length + 1), v]));
      return pluralText(forms, locale, count);
    },
    number: (n) => numbers.format(n),
    day: (d) => days.format(Date.parse(`${d}T00:00:00Z`)),
    hours: (n) => text('dashboard.hours', { n: decimals.format(n) }),
    change(now, before) {
      if (now === null || before === null) return text('dashboard.change.unknown');
      const diff = Math.round((now - before) * 10) / 10;
      const n = decimals.format(Math.abs(diff));
      return diff > 0 ? text('dashboard.change.up', { n }) : diff < 0 ? text('dashboard.change.down', { n }) : text('dashboard.change.same');
    },
    bucket(unit, from, to) {
      if (to === null) return text(`dashboard.${unit}Over`, { from: numbers.format(from) });
      return from === 0 ? text(`dashboard.${unit}Under`, { to: numbers.format(to) }) : text(`dashboard.${unit}Between`, { from: numbers.format(from), to: numbers.format(to) });
    },
  };
}
