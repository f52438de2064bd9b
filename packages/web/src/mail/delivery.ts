/**
 * The `mail.deliver` job: one outbox message through SMTP. A failed attempt is
 * recorded on the message and thrown, so the queue retries it with back-off;
 * after the last retry the job is dead and the message stays unsent, with its
 * last error, until an admin retries the job.
 */
import type { MailDeliverData, ServiceContext } from '@o311/server';
import type { Deliver } from './smtp.js';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 1000);

export async function deliverMail(services: Pick<ServiceContext, 'store' | 'now'>, deliver: Deliver, data: MailDeliverData): Promise<void> {
  const m = await services.store.getMail(data.outboxId);
  // Gone, or sent by an earlier attempt whose job was lost before it completed.
  if (!m || m.sent_at !== null) return;
  try {
    await deliver(m);
  } catch (e) {
    await services.store.markMailFailed(m.id, errorText(e));
    throw e;
  }
  await services.store.markMailSent(m.id, services.now());
}
