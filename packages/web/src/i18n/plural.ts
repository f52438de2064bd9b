/**
 * Plural forms. A counted message is a family of keys, `base.one` and
 * `base.other` (and `base.zero`, `.two`, `.few`, `.many` where a language
 * needs them), chosen by the language's own rules (Intl.PluralRules): French
 * says "1 service" and "0 service", Spanish "0 servicios". A missing form
 * falls back to `other`, so a catalogue writes only the forms its language uses.
 */
import type { Locale } from './locales.js';
import type { MessageKey } from './messages/index.js';

/** The bases of the counted messages: every key that ends in `.other`. */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}.other` ? B : never }[MessageKey];

const rules = new Map<Locale, Intl.PluralRules>();

function rulesOf(locale: Locale): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

/** The key of the form `count` takes in `locale`, among the keys the catalogue has. */
export function pluralKey(locale: Locale, base: PluralBase, count: number, has: (key: string) => boolean): MessageKey {
  const form = `${base}.${rulesOf(locale).select(count)}`;
  return (has(form) ? form : `${base}.other`) as MessageKey;
}

/** Every form of `base` a catalogue has, for a page that counts in the browser (browser/plural.ts chooses). */
export function pluralForms(messages: Readonly<Record<string, string>>, base: PluralBase): Record<string, string> {
  const forms: Record<string, string> = {};
  for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) {
    const key = `${base}.${category}`;
    if (key in messages) forms[category] = messages[key] as string;
  }
  return forms;
}
