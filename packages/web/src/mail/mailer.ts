/**
 * Every message goes to the store's outbox first, in the caller's request
 * (the record, and what the tests read). With SMTP (or the mail log), a
 * `mail.deliver` job then delivers it (delivery.ts): a slow or dead mail
 * server never holds up the page that sent the mail.
 */
import { JOB, mailDeliveryOptions, type MailDeliverData, type ServiceContext } from '@o311/server';
import type { NewOutboxMessage } from '@o311/store';
import type { WebOptions } from '../context.js';
import { mailLeaves } from './transport.js';

export interface Mailer {
  /**
   * Resolves once the message is in the outbox and, with SMTP, its delivery
   * enqueued. With `onceKey`, a message queued under the same key before is
   * not queued again (a retried job that mails several people).
   */
  send(m: NewOutboxMessage, onceKey?: string): Promise<void>;
}

export function createMailer(services: Pick<ServiceContext, 'store' | 'jobs'>, options: Pick<WebOptions, 'smtpUrl' | 'mailLog'>): Mailer {
  return {
    async send(m, onceKey) {
      const queued = onceKey === undefined ? await services.store.enqueueMail(m) : await services.store.enqueueMailOnce(m, onceKey);
      // Queued before: so was its delivery (or the outbox sweep enqueues it).
      if (!queued || !mailLeaves(options)) return;
      const data: MailDeliverData = { outboxId: queued.id };
      // Not enqueued (the queue's database failing): the outbox sweep enqueues it within minutes.
      await services.jobs.enqueue(JOB.mailDeliver, data, mailDeliveryOptions(queued.id)).catch(() => undefined);
    },
  };
}
