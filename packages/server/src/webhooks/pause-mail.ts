/**
 * The mail to a subscriber's owner when it is paused: once per pause (the
 * outbox's once-key names the subscriber and the pause's time), sent by the
 * web apps' mail delivery like every outbox message.
 */
import type { NewOutboxMessage, WebhookSubscriber } from '@o311/store';
import type { ServiceContext } from '../services/context.js';

export const pauseMailKey = (s: Pick<WebhookSubscriber, 'id' | 'paused_at'>): string => `webhook-paused:${s.id}:${s.paused_at ?? 0}`;

export function pauseMail(s: WebhookSubscriber, page: string): NewOutboxMessage {
  return {
    to: s.owner_email,
    subject: `Webhook paused: ${s.name}`,
    text: [
      `The webhook "${s.name}" (${s.url}) of ${s.jurisdiction_id} is paused: ${s.pause_reason ?? 'its deliveries kept failing'}.`,
      '',
      'No new changes are delivered to it while it is paused. Deliveries not made yet are kept and sent when an admin resumes it:',
      page,
    ].join('\n'),
    html: null,
  };
}

export async function mailPause(ctx: Pick<ServiceContext, 'store' | 'now' | 'origin'>, s: WebhookSubscriber): Promise<void> {
  const page = `${ctx.origin.announced}/staff/webhooks/${encodeURIComponent(s.id)}`;
  await ctx.store.enqueueMailOnce(pauseMail(s, page), pauseMailKey(s), ctx.now());
}
