/**
 * Outbound SMS that are not a webhook's answer (receipts, status updates) go
 * through the job queue: the message is logged as queued, then an `sms.send`
 * job sends it. An opted-out number is never queued, and a number that opts
 * out while its message waits is not texted either.
 */
import type { ServiceContext } from '@o311/server';
import type { SmsChannel } from './channel.js';
import { SmsError } from './errors.js';
import { toGsm7 } from './gsm7.js';
import { SMS_JOB, smsSendOptions, type SmsSendData } from './jobs.js';

export interface SmsToQueue {
  jurisdiction_id: string;
  phone: string;
  body: string;
}

export type Queued = { queued: true; messageId: string } | { queued: false; reason: 'opted-out' };

export async function queueSms(ctx: ServiceContext, sms: SmsToQueue): Promise<Queued> {
  if (await ctx.store.sms.optedOut(sms.jurisdiction_id, sms.phone)) return { queued: false, reason: 'opted-out' };
  const messageId = await ctx.store.sms.log({ ...sms, body: toGsm7(sms.body), direction: 'out', state: 'queued', at: ctx.now() });
  const data: SmsSendData = { messageId };
  await ctx.jobs.enqueue(SMS_JOB.send, data, smsSendOptions(data));
  return { queued: true, messageId };
}

/** The `sms.send` job. A refusal is final; an outage throws, and the queue retries. */
export async function sendQueued(ch: SmsChannel, d: SmsSendData): Promise<void> {
  const { store } = ch.ctx;
  const m = await store.sms.message(d.messageId);
  if (!m || m.state !== 'queued') return;
  if (await store.sms.optedOut(m.jurisdiction_id, m.phone)) {
    await store.sms.settle(m.id, { state: 'failed' });
    return;
  }
  try {
    const { providerId } = await ch.sender.send({ to: m.phone, body: m.body });
    await store.sms.settle(m.id, { state: 'sent', at: ch.ctx.now(), provider_id: providerId });
  } catch (e) {
    if (!(e instanceof SmsError) || e.kind !== 'refused') throw e;
    await store.sms.settle(m.id, { state: 'failed' });
  }
}
