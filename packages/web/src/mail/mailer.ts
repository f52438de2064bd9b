/**
 * Every message goes to the store's outbox (the record, and what the tests
 * read); with `smtpUrl` it is also delivered and marked sent or failed. SMTP
 * problems are recorded on the message, never thrown to the caller.
 */
import type { NewOutboxMessage, Store } from '@o311/store';
import type { WebOptions } from '../context.js';
import { senderAddress, smtpDelivery, type Deliver } from './smtp.js';

export interface Mailer {
  /** Resolves once the message is in the outbox and, with SMTP, after the delivery attempt. */
  send(m: NewOutboxMessage): Promise<void>;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 1000);

export function createMailer(store: Store, options: Pick<WebOptions, 'smtpUrl' | 'publicUrl'>): Mailer {
  const deliver: Deliver | undefined = options.smtpUrl
    ? smtpDelivery(options.smtpUrl, senderAddress(options.publicUrl))
    : undefined;
  return {
    async send(m) {
      const queued = await store.enqueueMail(m);
      if (!deliver) return;
      let failure: string | undefined;
      try {
        await deliver(m);
      } catch (e) {
        failure = errorText(e);
      }
      const mark = failure === undefined ? store.markMailSent(queued.id, Date.now()) : store.markMailFailed(queued.id, failure);
      await mark.catch(() => undefined);
    },
  };
}
