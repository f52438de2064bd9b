/** A translator bound to one language: messages with `{placeholders}`, dates and numbers. */
import type { Locale } from './locales.js';
import { CATALOGUES, type MessageKey } from './messages/index.js';

export type { MessageKey };

export interface Translator {
  readonly locale: Locale;
  (key: MessageKey, vars?: Readonly<Record<string, string | number>>): string;
  dateTime(ms: number, timeZone: string): string;
  date(ms: number, timeZone: string): string;
  number(n: number): string;
}

export function translator(locale: Locale): Translator {
  const messages = CATALOGUES[locale];
  const t = ((key: MessageKey, vars?: Readonly<Record<string, string | number>>) => {
    const text = messages[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  }) as Translator;
  Object.defineProperties(t, {
    locale: { value: locale },
    dateTime: {
      value: (ms: number, timeZone: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms),
    },
    date: { value: (ms: number, timeZone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(ms) },
    number: { value: (n: number) => new Intl.NumberFormat(locale).format(n) },
  });
  return t;
}
