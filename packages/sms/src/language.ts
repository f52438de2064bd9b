/**
 * The language of a new conversation: the words of its first message, else
 * the number's country, else the channel's default. Only our three languages;
 * a LANG command changes it later.
 */
import { folded } from './keywords.js';
import type { SmsLocale } from './texts.js';

/** Common words of a first message ("Hola, hay un bache"), folded (keywords.ts). */
const WORDS: Record<SmsLocale, ReadonlySet<string>> = {
  en: new Set(['HELLO', 'HI', 'THERE', 'IS', 'A', 'THE', 'ON', 'IN', 'MY', 'STREET', 'PLEASE', 'REPORT', 'BROKEN', 'POTHOLE', 'I', 'WANT', 'TO', 'GOOD', 'MORNING']),
  es: new Set(['HOLA', 'HAY', 'UN', 'UNA', 'EL', 'LA', 'EN', 'MI', 'CALLE', 'POR', 'FAVOR', 'QUIERO', 'REPORTAR', 'BACHE', 'BUENOS', 'DIAS', 'BUENAS', 'ROTO', 'ROTA', 'GRACIAS']),
  fr: new Set(['BONJOUR', 'SALUT', 'IL', 'Y', 'UN', 'UNE', 'LE', 'LA', 'DANS', 'MA', 'RUE', 'JE', 'VEUX', 'SIGNALER', 'NID', 'POULE', 'MERCI', 'CASSE', 'CASSEE']),
};

/** Calling codes whose numbers most likely read Spanish or French (others: the default). */
const COUNTRY_LOCALES: readonly (readonly [string, SmsLocale])[] = [
  ['+34', 'es'], ['+52', 'es'], ['+54', 'es'], ['+56', 'es'], ['+57', 'es'], ['+58', 'es'], ['+51', 'es'], ['+53', 'es'],
  ['+502', 'es'], ['+503', 'es'], ['+504', 'es'], ['+505', 'es'], ['+506', 'es'], ['+507', 'es'], ['+591', 'es'],
  ['+593', 'es'], ['+595', 'es'], ['+598', 'es'],
  ['+33', 'fr'], ['+32', 'fr'], ['+377', 'fr'], ['+225', 'fr'], ['+221', 'fr'], ['+509', 'fr'],
];

/** The language the words of `text` point to, when they point to one clearly. */
export function languageOfWords(text: string): SmsLocale | undefined {
  const words = folded(text).split(' ');
  const scores = (Object.keys(WORDS) as SmsLocale[]).map((locale) => ({ locale, n: words.filter((w) => WORDS[locale].has(w)).length }));
  scores.sort((a, b) => b.n - a.n);
  const [best, second] = scores;
  return best && best.n > 0 && best.n > (second?.n ?? 0) ? best.locale : undefined;
}

export function languageOfNumber(phone: string): SmsLocale | undefined {
  return COUNTRY_LOCALES.find(([code]) => phone.startsWith(code))?.[1];
}

export function guessLanguage(text: string, phone: string, fallback: SmsLocale): SmsLocale {
  return languageOfWords(text) ?? languageOfNumber(phone) ?? fallback;
}
