/**
 * Every job o311 runs: its name, its payload and how it is retried. Payloads
 * carry ids only, never personal data (they are shown to admins and kept
 * after the job is done); the handler reads what it needs from the store.
 */
import type { EnqueueOptions } from '@o311/jobs';

export const JOB = {
  /** Delivers one outbox message through SMTP (registered by the web apps when SMTP is configured). */
  mailDeliver: 'mail.deliver',
  /** Enqueues a delivery for outbox messages that have none (a crash between the insert and the enqueue). */
  mailSweep: 'mail.sweep',
  /** Mails one public event of a request to its confirmed followers. */
  followersNotify: 'followers.notify',
  /** Empties the sandbox and copies the primary jurisdiction's services into it again. */
  sandboxReset: 'sandbox.reset',
  /** Forgets the shared rate-limit counters of past windows. */
  rateLimitsPrune: 'rate-limits.prune',
  /** Runs the validator's read-only checks on one registry endpoint and stores the summary. */
  registryCheck: 'registry.check',
  /** Forgets the Idempotency-Keys of POST requests older than their keeping time. */
  idempotencyKeysPrune: 'idempotency-keys.prune',
  /** Delivers one federated request to its upstream endpoint (packages/router delivery.ts). */
  routerDeliver: 'router.deliver',
  /** Queues a delivery for federated requests left queued without one (a crash between the insert and the enqueue). */
  routerSweep: 'router.sweep',
  /** Mails citizens about their overdue requests (once per request) and forgets expired sign-in links and sessions. */
  accountReminders: 'account.reminders',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

export interface MailDeliverData {
  outboxId: string;
}

export interface RegistryCheckData {
  slug: string;
}

export interface RouterDeliverData {
  /** The federated request's id (store.federation). */
  federatedId: string;
}

export interface FollowersNotifyData {
  jurisdictionId: string;
  requestId: string;
  /** The public event to tell of: its 1-based position in the request's public history. */
  event: number;
}

/** The payload fields an admin may see, per job (the admin view shows no others). */
export const SHOWN_FIELDS: Readonly<Record<JobName, readonly string[]>> = {
  [JOB.mailDeliver]: ['outboxId'],
  [JOB.mailSweep]: [],
  [JOB.followersNotify]: ['jurisdictionId', 'requestId', 'event'],
  [JOB.sandboxReset]: ['jurisdictionId'],
  [JOB.rateLimitsPrune]: [],
  [JOB.registryCheck]: ['slug'],
  [JOB.idempotencyKeysPrune]: [],
  [JOB.routerDeliver]: ['federatedId'],
  [JOB.routerSweep]: [],
  [JOB.accountReminders]: [],
};

/**
 * A mail is tried 6 times over about half an hour (1, 2, 4, 8 and 16 minutes
 * apart), then waits, dead, for an admin. At most one delivery per message
 * is pending (the sweep relies on it).
 */
export const mailDeliveryOptions = (outboxId: string): EnqueueOptions => ({
  retryLimit: 5,
  retryDelayMs: 60_000,
  backoff: true,
  singletonKey: outboxId,
  leaseMs: 5 * 60_000,
});

/**
 * A retry mails only the followers the failed attempt did not reach (each
 * message is queued once per event and follower), so few retries, soon. Two
 * changes committed before the first one's enqueue both name the later event:
 * the singleton key keeps that to one pending notice (request ids are unique
 * across jurisdictions).
 */
export const followersNotifyOptions = (d: FollowersNotifyData): EnqueueOptions => ({
  retryLimit: 3,
  retryDelayMs: 30_000,
  backoff: true,
  leaseMs: 10 * 60_000,
  singletonKey: `${d.requestId}/${d.event}`,
});

/**
 * A check's outcome (reachable or not, errors or not) is its result, stored on
 * the endpoint: the job fails only when the store does, and is tried again
 * soon. One pending check per endpoint: "Check now" twice queues one.
 */
export const registryCheckOptions = (d: RegistryCheckData): EnqueueOptions => ({
  retryLimit: 2,
  retryDelayMs: 30_000,
  leaseMs: 10 * 60_000,
  singletonKey: d.slug,
});

/** The first retry of a federated delivery waits this long by default (`serve --router-retry-delay`). */
export const ROUTER_RETRY_DELAY_MS = 30_000;

/**
 * A federated request is tried 9 times over about 4 to 8 hours (30 s, then
 * doubling with jitter), then waits, dead, for an admin's retry. An upstream
 * 4xx ends it at once (the handler completes). One pending delivery per request.
 */
export const routerDeliverOptions = (d: RouterDeliverData, retryDelayMs = ROUTER_RETRY_DELAY_MS): EnqueueOptions => ({
  retryLimit: 8,
  retryDelayMs,
  backoff: true,
  leaseMs: 5 * 60_000,
  singletonKey: d.federatedId,
});

/** Cron schedules (UTC). */
export const SCHEDULE = {
  [JOB.mailSweep]: '* * * * *',
  [JOB.routerSweep]: '* * * * *',
  [JOB.rateLimitsPrune]: '* * * * *',
  /** Hourly, on the hour. */
  [JOB.idempotencyKeysPrune]: '0 * * * *',
  /** Hourly, at 17 past. */
  [JOB.accountReminders]: '17 * * * *',
  /** Once a day, at 04:00 UTC. */
  [JOB.sandboxReset]: '0 4 * * *',
} as const;
