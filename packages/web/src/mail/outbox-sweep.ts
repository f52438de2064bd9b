/**
 * The `mail.sweep` job: the outbox insert and the delivery's enqueue are two
 * writes, so a crash between them (or a failing queue) leaves a message no job
 * will deliver. Every minute, the messages never tried that are old enough for
 * their job to have started are enqueued again; the singleton key (the outbox
 * id) keeps a message with a pending job from getting a second one.
 */
import { JOB, mailDeliveryOptions, type MailDeliverData, type ServiceContext } from '@o311/server';

/** A message this young may still have its enqueue in flight (or a worker about to start it). */
export const SWEEP_GRACE_MS = 2 * 60_000;
/** Older messages are not sent any more: a notice a day late is not worth a surprise mail. */
export const SWEEP_WINDOW_MS = 24 * 3_600_000;
const SWEEP_BATCH = 500;

/** The number of deliveries enqueued. */
export async function sweepOutbox(services: Pick<ServiceContext, 'store' | 'jobs' | 'now'>): Promise<number> {
  const now = services.now();
  const stranded = await services.store.listOutbox({
    unsent: true,
    untried: true,
    createdFrom: now - SWEEP_WINDOW_MS,
    createdBefore: now - SWEEP_GRACE_MS,
    limit: SWEEP_BATCH,
  });
  let enqueued = 0;
  for (const m of stranded) {
    const data: MailDeliverData = { outboxId: m.id };
    if ((await services.jobs.enqueue(JOB.mailDeliver, data, mailDeliveryOptions(m.id))) !== undefined) enqueued += 1;
  }
  return enqueued;
}
