/**
 * GSM 03.38, the 7-bit alphabet of SMS: a message in it has 160 characters
 * a part, one with a single other character 70 (UCS-2). Our texts are
 * written in it (é, è, à, ù, ñ, ü, ¿, ¡ are there; á, í, ó, ú, ê, ç are not);
 * what the city wrote (service names, questions) is folded to it when a
 * letter has a plain form there. The reporter's own words are kept as sent.
 */

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each of these takes two of the 160. */
const EXTENSION = '\f^{}\\[~]|€';
const GSM7 = new Set([...BASIC, ...EXTENSION]);

/** Punctuation phones and word processors put in that GSM-7 writes plainly. */
const PLAIN: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2013': '-', '\u2014': '-', '\u2026': '...', '\u00a0': ' ', '\u202f': ' ',
};

export const isGsm7 = (text: string): boolean => [...text].every((c) => GSM7.has(c));

/** `text` with each character GSM-7 lacks written plainly when it can be (í → i, ’ → '); others (emoji) are kept. */
export function toGsm7(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (GSM7.has(c)) {
      out += c;
      continue;
    }
    const plain = PLAIN[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '');
    out += plain !== '' && isGsm7(plain) ? plain : c;
  }
  return out;
}
