/**
 * The words a whole message may be, in any of our languages: the carriers'
 * opt-out and opt-in words (honoured at any point of a conversation) and the
 * conversation's own. A message is a keyword only when it is nothing else,
 * so "stop the water leak" is a report, not an opt-out.
 */
import { isSmsLocale, type SmsLocale } from './texts.js';

export type Keyword =
  | { kind: 'stop' }
  | { kind: 'start' }
  | { kind: 'help' }
  | { kind: 'restart' }
  | { kind: 'language'; locale: SmsLocale }
  /** Send the report and follow it by SMS. */
  | { kind: 'yes' }
  /** Send the report without updates. */
  | { kind: 'send' }
  | { kind: 'no' };

const WORDS: Record<Exclude<Keyword['kind'], 'language'>, readonly string[]> = {
  // The carriers' and Twilio's opt-out words (CANCEL among them) and their translations: never used for anything else.
  stop: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE', 'CANCELAR', 'BAJA', 'ARRET', 'ARRETER', 'ANNULER'],
  start: ['START', 'UNSTOP', 'ALTA', 'REPRENDRE'],
  help: ['HELP', 'INFO', 'AYUDA', 'AIDE'],
  restart: ['RESTART', 'NEW', 'START OVER', 'REINICIAR', 'NUEVO', 'EMPEZAR DE NUEVO', 'RECOMMENCER', 'NOUVEAU'],
  yes: ['YES', 'Y', 'SI', 'OUI'],
  send: ['SEND', 'ENVIAR', 'ENVOYER'],
  no: ['NO', 'NON'],
};

const LANGUAGE_NAMES: Record<string, SmsLocale> = {
  ENGLISH: 'en', INGLES: 'en', ANGLAIS: 'en',
  ESPANOL: 'es', SPANISH: 'es', ESPAGNOL: 'es',
  FRANCAIS: 'fr', FRENCH: 'fr', FRANCES: 'fr',
};

/** Upper case without accents or the punctuation people add ("¡Sí!", "stop."). */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function keywordOf(text: string): Keyword | undefined {
  const word = folded(text);
  if (word === '' || word.length > 20) return undefined;
  for (const [kind, words] of Object.entries(WORDS) as [Exclude<Keyword['kind'], 'language'>, readonly string[]][]) {
    if (words.includes(word)) return { kind } as Keyword;
  }
  const named = LANGUAGE_NAMES[word];
  if (named) return { kind: 'language', locale: named };
  const lang = /^(?:LANG|LANGUE|IDIOMA|LANGUAGE) ([A-Z]{2})$/.exec(word)?.[1]?.toLowerCase();
  return isSmsLocale(lang) ? { kind: 'language', locale: lang } : undefined;
}
