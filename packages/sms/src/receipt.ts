/**
 * Texts a reporter the receipt of a request filed for them elsewhere (the
 * call-taker's screen): its number and service, through the send queue, so a
 * number that said STOP is never texted.
 */
import type { ServiceContext } from '@o311/server';
import { e164 } from './inbound.js';
import { queueSms, type Queued } from './send-queue.js';
import { serviceName } from './service-name.js';
import { DEFAULT_SMS_LOCALE, isSmsLocale, smsTexts } from './texts.js';

export interface SmsReceipt {
  jurisdictionId: string;
  requestId: string;
  /** As the reporter gave it; anything but an international number (+…) is refused. */
  phone: string;
  /** en, es or fr; anything else: English. */
  locale: string;
}

export async function queueSmsReceipt(ctx: ServiceContext, r: SmsReceipt): Promise<Queued | { queued: false; reason: 'bad-number' | 'unknown-request' }> {
  const phone = e164(r.phone);
  if (phone === undefined) return { queued: false, reason: 'bad-number' };
  const request = await ctx.store.getPublicRequest(r.jurisdictionId, r.requestId);
  if (!request) return { queued: false, reason: 'unknown-request' };
  const locale = isSmsLocale(r.locale) ? r.locale : DEFAULT_SMS_LOCALE;
  const service = await serviceName(ctx.store, r.jurisdictionId, request.service_code, locale);
  const body = smsTexts(locale)('receipt', { service, id: request.id });
  return queueSms(ctx, { jurisdiction_id: r.jurisdictionId, phone, body });
}
