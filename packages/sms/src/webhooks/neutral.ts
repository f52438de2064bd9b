/**
 * Our own, provider-neutral webhook format, for gateways we have no adapter
 * for (and for tests): a JSON object {message_id, from, to, body} signed in
 * X-O311-Signature as `sha256=` and the hex HMAC-SHA256 of the raw body,
 * keyed by the channel's secret. The answer is {replies: [...]}.
 */
import { inboundSms, type InboundProblem, type InboundSms } from '../inbound.js';
import { hmac, sameSecret } from './signature.js';

export const NEUTRAL_PROVIDER = 'neutral';
export const NEUTRAL_SIGNATURE_HEADER = 'x-o311-signature';

export const neutralSignature = (secret: string, rawBody: string): string => `sha256=${hmac('sha256', secret, rawBody, 'hex')}`;

export function neutralSigned(secret: string, rawBody: string, signature: string | undefined): boolean {
  return signature !== undefined && sameSecret(signature, neutralSignature(secret, rawBody));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The message of a signed body; 'bad-body' when it is not the JSON object we expect. */
export function readNeutral(rawBody: string): InboundSms | InboundProblem | 'bad-body' {
  let v: unknown;
  try {
    v = JSON.parse(rawBody);
  } catch {
    return 'bad-body';
  }
  if (typeof v !== 'object' || v === null) return 'bad-body';
  const o = v as Record<string, unknown>;
  const [messageId, from, to, body] = [str(o.message_id), str(o.from), str(o.to) ?? '', str(o.body)];
  if (messageId === undefined || from === undefined || body === undefined) return 'bad-body';
  return inboundSms(NEUTRAL_PROVIDER, { messageId, from, to, body });
}
