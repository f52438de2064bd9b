/**
 * Twilio's Messages API: one form POST per SMS, with the account's SID and
 * auth token as Basic credentials. The API address is configurable (a
 * regional edge, a test double) but never a private or loopback one unless
 * the server allows private endpoints.
 */
import { privateLiteral } from '@o311/server';
import { SmsError } from '../errors.js';
import type { SmsSender } from './sender.js';

export const TWILIO_API_BASE = 'https://api.twilio.com';
const TIMEOUT_MS = 10_000;

export interface TwilioSenderOptions {
  accountSid: string;
  authToken: string;
  /** Our number (E.164) or a Messaging Service SID (MG…). */
  from: string;
  apiBase?: string;
  allowPrivate?: boolean;
}

export function twilioSender(o: TwilioSenderOptions): SmsSender {
  if (!/^AC[0-9a-f]{32}$/i.test(o.accountSid)) throw new SmsError('config', 'the Twilio account SID is not one (AC and 32 hex digits)');
  if (o.authToken === '' || o.from === '') throw new SmsError('config', 'the Twilio sender needs an auth token and a from number');
  const base = new URL(o.apiBase ?? TWILIO_API_BASE);
  const inside = o.allowPrivate ? undefined : privateLiteral(base);
  if (inside) throw new SmsError('config', `${inside} is a loopback, private or link-local address, which this server does not send SMS through`);
  const url = new URL(`/2010-04-01/Accounts/${o.accountSid}/Messages.json`, base);
  const auth = `Basic ${Buffer.from(`${o.accountSid}:${o.authToken}`).toString('base64')}`;
  const fromField = o.from.startsWith('MG') ? 'MessagingServiceSid' : 'From';
  return {
    name: 'twilio',
    async send(sms) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: sms.to, [fromField]: o.from, Body: sms.body }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: 'error',
        });
      } catch (e) {
        throw new SmsError('unavailable', 'Twilio could not be reached', { cause: e });
      }
      const answer = (await res.json().catch(() => ({}))) as { sid?: unknown; message?: unknown };
      if (res.ok) return { providerId: typeof answer.sid === 'string' ? answer.sid : null };
      // 4xx but 429: the message itself was refused (a bad or opted-out number); retrying cannot help.
      const kind = res.status >= 400 && res.status < 500 && res.status !== 429 ? 'refused' : 'unavailable';
      throw new SmsError(kind, `Twilio answered ${res.status}${typeof answer.message === 'string' ? `: ${answer.message.slice(0, 200)}` : ''}`);
    },
  };
}
