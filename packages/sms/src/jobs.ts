/**
 * The SMS channel's jobs. Payloads carry ids only (the job list is shown to
 * admins); the number and the text are read from the store's SMS log.
 */
import type { EnqueueOptions } from '@o311/jobs';

export const SMS_JOB = {
  /** Sends one queued SMS of the log through the configured sender. */
  send: 'sms.send',
  /** Texts opted-in reporters their requests' status changes (from the request change feed), forgets stale conversations. */
  tick: 'sms.tick',
} as const;

export interface SmsSendData {
  messageId: string;
}

export const SMS_TICK_SCHEDULE = '* * * * *';

/** One job per message; a provider outage is retried for about an hour. */
export const smsSendOptions = (d: SmsSendData): EnqueueOptions => ({ singletonKey: `sms:${d.messageId}`, retryLimit: 7, retryDelayMs: 30_000, backoff: true });
