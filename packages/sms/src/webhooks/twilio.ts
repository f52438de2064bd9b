/**
 * Twilio's inbound SMS webhook: a form POST (From, To, Body, MessageSid, …)
 * signed in X-Twilio-Signature as base64 HMAC-SHA1, keyed by the account's
 * auth token, over the URL Twilio called followed by every POST parameter,
 * sorted by name, as name+value. The URL is our configured public one: a
 * request's Host header never decides what was signed. The answer is TwiML.
 */
import { escapeXmlText } from '@o311/georeport';
import { inboundSms, type InboundProblem, type InboundSms } from '../inbound.js';
import { hmac, sameSecret } from './signature.js';

export const TWILIO_PROVIDER = 'twilio';
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const pairs = [...params].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  return hmac('sha1', authToken, url + pairs.map(([k, v]) => k + v).join(''), 'base64');
}

export function twilioSigned(authToken: string, url: string, params: URLSearchParams, signature: string | undefined): boolean {
  return signature !== undefined && sameSecret(signature, twilioSignature(authToken, url, params));
}

export function readTwilio(params: URLSearchParams): InboundSms | InboundProblem {
  return inboundSms(TWILIO_PROVIDER, {
    messageId: params.get('MessageSid') ?? params.get('SmsSid') ?? '',
    from: params.get('From') ?? '',
    to: params.get('To') ?? '',
    body: params.get('Body') ?? '',
  });
}

/** The TwiML answer: one <Message> per reply (none: an empty Response, so Twilio sends nothing). */
export function twiml(replies: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${replies.map((r) => `<Message>${escapeXmlText(r)}</Message>`).join('')}</Response>`;
}
