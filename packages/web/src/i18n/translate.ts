/** A translator bound to one language: messages with `{placeholders}`, dates and numbers. */
import type { Locale } from './locales.js';
import { CATALOGUES, type MessageKey } from './messages/index.js';
import { pluralForms, pluralKey, type PluralBase } from './plural.js';

export type { MessageKey, PluralBase };

type Vars = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly locale: Locale;
  (key: MessageKey, vars?: Vars): string;
  /** The form of a counted message `count` takes; `{count}` in it is the number written the language's way. */
  plural(base: PluralBase, count: number, vars?: Vars): string;
  /** Every form of a counted message, for a page that counts again in the browser. */
  pluralForms(base: PluralBase): Record<string, string>;
  dateTime(ms: number, timeZone: string): string;
  date(ms: number, timeZone: string): string;
  number(n: number): string;
}

export function translator(locale: Locale): Translator {
  const messages = CATALOGUES[locale];
  const t = ((key: MessageKey, vars?: Vars) => {
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
    plural: {
      value: (base: PluralBase, count: number, vars?: Vars) =>
        t(pluralKey(locale, base, count, (k) => k in messages), { ...vars, count: new Intl.NumberFormat(locale).format(count) }),
    },
    pluralForms: { value: (base: PluralBase) => pluralForms(messages, base) },
  });
  return t;
}
