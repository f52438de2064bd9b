/**
 * Where a mail's signature begins, so that a reporter's name, phone and own
 * address never reach the public description. Three kinds, in our three
 * languages: the "--" delimiter (with or without its trailing space, which an
 * HTML-to-text pass drops), a client's "Sent from my …" line, and a sign-off
 * ("Thanks,", "Saludos", "Cordialement") followed only by a short tail of
 * name and contact lines. A sign-off with a long text after it is kept: the
 * reporter is still writing.
 */

const DELIMITER = /^-{2,3}\s*$|^_{8,}\s*$/;

const SENT_FROM = /^(sent from my|sent from|get outlook for|enviado desde( mi)?|envoyé de( mon)?|envoyé depuis)\b/i;

const SIGN_OFFS = [
  'thanks', 'thank you', 'thanks again', 'many thanks', 'thx', 'regards', 'best regards', 'kind regards', 'warm regards', 'best',
  'best wishes', 'cheers', 'sincerely', 'yours sincerely', 'yours truly', 'yours', 'respectfully',
  'gracias', 'muchas gracias', 'saludos', 'un saludo', 'saludos cordiales', 'atentamente', 'cordialmente', 'un abrazo',
  'merci', 'merci beaucoup', 'cordialement', 'bien cordialement', 'bien à vous', 'salutations', 'sincères salutations', 'amicalement',
  'bonne journée',
];
const SIGN_OFF = new RegExp(`^(${SIGN_OFFS.join('|')})\\s*[,.!]*\\s*$`, 'iu');

/** Lines a signature may have after its sign-off (name, title, phone, e-mail, street), each at most this long. */
const TAIL_LINES = 6;
const TAIL_LINE_CHARS = 80;

const isShortTail = (lines: readonly string[]): boolean => {
  const filled = lines.filter((l) => l.trim() !== '');
  return filled.length <= TAIL_LINES && filled.every((l) => l.trim().length <= TAIL_LINE_CHARS);
};

/** The index of the first line of the signature, or the number of lines when there is none. */
export function signatureStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (DELIMITER.test(line) || SENT_FROM.test(line)) return i;
    // A mail that is only "Thanks" keeps it: there is nothing else to say.
    if (SIGN_OFF.test(line) && isShortTail(lines.slice(i + 1)) && lines.slice(0, i).some((l) => l.trim() !== '')) return i;
  }
  return lines.length;
}
