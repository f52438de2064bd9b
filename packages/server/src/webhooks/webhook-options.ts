/**
 * How request webhooks are retried and when a subscriber is paused. A
 * delivery is tried 8 times over about 4 hours (1 minute, then doubling); a
 * 4xx other than 408 and 429 ends it at once. One pending job per delivery.
 */
import type { EnqueueOptions } from '@o311/jobs';
import type { PausePolicy } from '@o311/store';
import { JOB, type WebhookDeliveryData } from '../jobs/job-names.js';

export const WEBHOOK_RETRY_LIMIT = 7;
export const WEBHOOK_RETRY_DELAY_MS = 60_000;

export const webhookDeliverOptions = (d: WebhookDeliveryData): EnqueueOptions => ({
  retryLimit: WEBHOOK_RETRY_LIMIT,
  retryDelayMs: WEBHOOK_RETRY_DELAY_MS,
  backoff: true,
  leaseMs: 5 * 60_000,
  singletonKey: d.deliveryId,
});

/**
 * One dispatch pending or running at a time, across processes: the schedule,
 * the queueing after each write and the sweep all share it. A failed
 * dispatch is made up by the next one.
 */
export const webhookDispatchOptions = (): EnqueueOptions => ({
  retryLimit: 0,
  singletonKey: JOB.webhooksDispatch,
  leaseMs: 5 * 60_000,
});

/** A subscriber is paused after 10 deliveries in a row ended failed or dead, or a day of failed attempts. */
export const PAUSE_POLICY: PausePolicy = { failures: 10, failingForMs: 24 * 3_600_000 };

/** The receiver's time to answer, per attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Bytes of an answer read (its status decides; the start is kept for the log). */
export const WEBHOOK_MAX_ANSWER_BYTES = 4096;
