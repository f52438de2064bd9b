/** The SMS channel's languages and its translator: messages with `{placeholders}`. */
import { en, type SmsMessageKey } from './texts/en.js';
import { es } from './texts/es.js';
import { fr } from './texts/fr.js';

export const SMS_LOCALES = ['en', 'es', 'fr'] as const;
export type SmsLocale = (typeof SMS_LOCALES)[number];
export const DEFAULT_SMS_LOCALE: SmsLocale = 'en';

export const isSmsLocale = (s: string | undefined): s is SmsLocale => (SMS_LOCALES as readonly string[]).includes(s ?? '');

const CATALOGUES: Record<SmsLocale, Record<SmsMessageKey, string>> = { en, es, fr };

export type SmsTexts = (key: SmsMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

export function smsTexts(locale: SmsLocale): SmsTexts {
  const messages = CATALOGUES[locale];
  return (key, vars) =>
    vars ? messages[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : messages[key];
}

export type { SmsMessageKey };
