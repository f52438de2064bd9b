/**
 * A mail's words as they may be published: contact details a reporter left
 * in the text (their own address, a phone number, someone else's) are
 * replaced by a marker, and the link annotations an HTML-to-text pass writes
 * ("[https://tracker.example/p.gif]", remote images and links) are dropped.
 * Staff keep the mail as written (see staff-copy.ts).
 */

export const EMAIL_REMOVED = '[e-mail removed]';
export const PHONE_REMOVED = '[phone removed]';

const LINK_ANNOTATION = /\s*\[(?:https?|cid):[^\]\s]*\]/gi;
const EMAIL = /[^\s@<>()[\]{},;:"']+@[^\s@<>()[\]{},;:"']+\.[a-z]{2,}/giu;
/** A run of digits with phone punctuation, starting and ending on a digit (or "+" first). */
const PHONE_LIKE = /(?<![\p{L}\p{N}.])\+?\(?\d[\d\s().\-/]{5,}\d(?![\p{L}\p{N}])/gu;
const PHONE_DIGITS = 7;
/** Numbers that look like phones but are not: coordinates and decimals, dates. */
const NOT_A_PHONE = [/^[+-]?\d{1,3}\.\d+(?:[\s,;]+[+-]?\d{1,3}\.\d+)?$/, /^\d{4}-\d{2}-\d{2}$/, /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/];

function phoneMarker(candidate: string): string {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < PHONE_DIGITS || NOT_A_PHONE.some((p) => p.test(candidate.trim()))) return candidate;
  return PHONE_REMOVED;
}

export function publicText(text: string): string {
  return text.replace(LINK_ANNOTATION, '').replace(EMAIL, EMAIL_REMOVED).replace(PHONE_LIKE, phoneMarker);
}
