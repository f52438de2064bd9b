/**
 * The provider-neutral inbound SMS: every webhook adapter turns its provider's
 * format into this, and only this reaches the conversation. The bounds are
 * checked here, once, for all providers.
 */

/** Characters of one inbound message: 10 concatenated parts is the most providers deliver (Twilio: 1,600). */
export const MAX_SMS_BODY = 1_600;
/** Characters of a provider's message id. */
export const MAX_MESSAGE_ID = 64;

export interface InboundSms {
  /** The adapter's name: message ids are unique per provider. */
  provider: string;
  messageId: string;
  /** The sender in E.164 (`+` and 8 to 15 digits). */
  from: string;
  /** The number texted, as the provider gave it (bounded). */
  to: string;
  /** Cleaned (cleanBody), possibly empty. */
  body: string;
}

/** E.164 of a phone number as providers write it (`+1 (555) 010-0000`, `+15550100000`); undefined when it is not one. */
export function e164(raw: string): string | undefined {
  if (raw.length > 32) return undefined;
  const digits = raw.replace(/[\s().-]/g, '');
  return /^\+[1-9][0-9]{7,14}$/.test(digits) ? digits : undefined;
}

/**
 * The text a person typed: well-formed Unicode (a lone surrogate becomes
 * U+FFFD), NFC, without control characters but line breaks, trimmed. Emoji
 * stay: they are text.
 */
export function cleanBody(raw: string): string {
  return raw
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Whether a cleaned body holds anything a person could have meant (not only U+FFFD from undecodable bytes). */
export const readable = (body: string): boolean => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(body);

export type InboundProblem = 'bad-sender' | 'bad-message-id';

/** The inbound message, or what is wrong with the envelope (the body is judged by the conversation). */
export function inboundSms(provider: string, fields: { messageId: string; from: string; to: string; body: string }): InboundSms | InboundProblem {
  const from = e164(fields.from.trim());
  if (from === undefined) return 'bad-sender';
  const messageId = fields.messageId.trim();
  if (messageId === '' || messageId.length > MAX_MESSAGE_ID || !/^[\w.:-]+$/.test(messageId)) return 'bad-message-id';
  return { provider, messageId, from, to: fields.to.trim().slice(0, 32), body: fields.body };
}
