/**
 * Every message goes to the store's outbox first, in the caller's request
 * (the record, and what the tests read). With SMTP configured, a
 * `mail.deliver` job then delivers it (delivery.ts): a slow or dead mail
 * server never holds up the page that sent the mail.
 */
import { JOB, mailDeliveryOptions, type MailDeliverData, type ServiceContext } from '@o311/server';
import type { NewOutboxMessage } from '@o311/store';
import type { WebOptions } from '../context.js';

export interface Mailer {
  /** Resolves once the message is in the outbox and, with SMTP, its delivery enqueued. */
  send(m: NewOutboxMessage): Promise<void>;
}

export function createMailer(services: Pick<ServiceContext, 'store' | 'jobs'>, options: Pick<WebOptions, 'smtpUrl'>): Mailer {
  return {
    async send(m) {
      const queued = await services.store.enqueueMail(m);
      if (!options.smtpUrl) return;
      const data: MailDeliverData = { outboxId: queued.id };
      // Not enqueued (the queue's database failing): the outbox sweep enqueues it within minutes.
      await services.jobs.enqueue(JOB.mailDeliver, data, mailDeliveryOptions(queued.id)).catch(() => undefined);
    },
  };
}
