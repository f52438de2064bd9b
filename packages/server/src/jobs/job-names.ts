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
  /** Makes every registry endpoint a monitor target and queues a `monitor.poll` per chunk of due ones (server/src/monitor). */
  monitorTick: 'monitor.tick',
  /** Polls a chunk of monitor targets and records the samples; queues an alert per incident opened or closed. */
  monitorPoll: 'monitor.poll',
  /** Rolls the monitor's raw samples up into hourly figures and forgets old ones. */
  monitorRollup: 'monitor.rollup',
  /** Queues the daily read-only validator run of every monitored endpoint (its conformance score). */
  monitorConformance: 'monitor.conformance',
  /** Mails one monitor event to the endpoint's contact, then queues its webhook. */
  monitorAlert: 'monitor.alert',
  /** POSTs one monitor event, signed, to the endpoint's webhook. */
  monitorWebhook: 'monitor.webhook',
  /** Runs one validator run of /validate, its JSON API or the monitor (server/src/validation). */
  validateRun: 'validate.run',
  /** Forgets validator runs beyond the newest ones per URL. */
  validatePrune: 'validate.prune',
  /** Forgets developers' key requests that led to no key, a month after they were made. */
  keyRequestsPrune: 'key-requests.prune',
  /** Forgets e-mail a month after it was sent (or queued and never sent): addresses and one-time links go with it. */
  outboxPrune: 'outbox.prune',
  /** Forgets inbound e-mail (and the bytes of quarantined messages) after their keeping time (@o311/email-intake). */
  mailIntakePrune: 'mail-intake.prune',
  /** Takes the request change feed into the dashboard's read model of each local source (server/src/dashboard). */
  dashboardSync: 'dashboard.sync',
  /** Rebuilds one dashboard source's facts and rollups from scratch (new areas, an import, a reset). */
  dashboardRebuild: 'dashboard.rebuild',
  /** Queues a harvest of every enabled endpoint source that is due. */
  dashboardHarvestTick: 'dashboard.harvest-tick',
  /** Harvests one registry endpoint's requests into its dashboard source, from where the last run stopped. */
  dashboardHarvest: 'dashboard.harvest',
  /** Turns new request changes into deliveries for the webhook subscribers that want them (server/src/webhooks). */
  webhooksDispatch: 'webhooks.dispatch',
  /** Forgets request changes older than a week that every consumer of the feed has passed. */
  changesPrune: 'request-changes.prune',
  /** POSTs one webhook delivery, signed, to its subscriber. */
  webhooksDeliver: 'webhooks.deliver',
  /** Forgets finished webhook deliveries older than 30 days, beyond each subscriber's newest 50. */
  webhooksPrune: 'webhooks.prune',
  /** Mails a new request's reporter its receipt (number, tracker and update links) and follows the request for them. */
  reporterReceipt: 'reporter.receipt',
  /** Takes closings of reporters' requests from the change feed and mails each "is it fixed?" question that is due. */
  reporterTick: 'reporter.tick',
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

/** A chunk of monitor targets to poll now (claimed by the tick: their next poll time has moved already). */
export interface MonitorPollData {
  slugs: string[];
}

/** A monitor event (store.monitor) to alert about. */
export interface MonitorEventData {
  eventId: string;
}

export interface ValidateRunData {
  /** The run's id (store.validations). */
  runId: string;
}

/** A dashboard source (store.dashboard) to rebuild or harvest. */
export interface DashboardSourceData {
  sourceId: string;
}

/** A webhook delivery (store.webhooks) to POST. */
export interface WebhookDeliveryData {
  deliveryId: string;
}

/** A new request whose reporter left an e-mail; the language of the form they used (not personal). */
export interface ReporterReceiptData {
  jurisdictionId: string;
  requestId: string;
  locale: string;
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
  [JOB.monitorTick]: [],
  [JOB.monitorPoll]: ['slugs'],
  [JOB.monitorRollup]: [],
  [JOB.monitorConformance]: [],
  [JOB.monitorAlert]: ['eventId'],
  [JOB.monitorWebhook]: ['eventId'],
  [JOB.validateRun]: ['runId'],
  [JOB.validatePrune]: [],
  [JOB.keyRequestsPrune]: [],
  [JOB.outboxPrune]: [],
  [JOB.mailIntakePrune]: [],
  [JOB.dashboardSync]: [],
  [JOB.dashboardRebuild]: ['sourceId'],
  [JOB.dashboardHarvestTick]: [],
  [JOB.dashboardHarvest]: ['sourceId'],
  [JOB.webhooksDispatch]: [],
  [JOB.webhooksDeliver]: ['deliveryId'],
  [JOB.changesPrune]: [],
  [JOB.webhooksPrune]: [],
  [JOB.reporterReceipt]: ['jurisdictionId', 'requestId', 'locale'],
  [JOB.reporterTick]: [],
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
 * The receipt goes through the outbox's once-key, so a retry never mails
 * twice. One pending receipt per request.
 */
export const reporterReceiptOptions = (d: ReporterReceiptData): EnqueueOptions => ({
  retryLimit: 3,
  retryDelayMs: 30_000,
  backoff: true,
  leaseMs: 5 * 60_000,
  singletonKey: d.requestId,
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

/**
 * The monitor's scheduled jobs wait for a monitor process (`serve --monitor`,
 * `o311 monitor run`): the singleton key keeps at most one of each pending
 * while none runs. A missed tick is made up by the next one.
 */
export const monitorScheduleOptions = (name: JobName): EnqueueOptions => ({
  retryLimit: 0,
  singletonKey: name,
  leaseMs: 10 * 60_000,
});

/**
 * A chunk is polled once: its targets' next poll time has moved already, and a
 * poll retried minutes late would record a stale figure. Its polls end within
 * the poll timeout (and usage sampling within its own), well inside the lease.
 */
export const monitorPollOptions = (): EnqueueOptions => ({
  retryLimit: 0,
  leaseMs: 5 * 60_000,
});

/**
 * The alert mail goes through the outbox's once-key, so a retry never mails
 * twice. One pending alert per event.
 */
export const monitorAlertOptions = (d: MonitorEventData): EnqueueOptions => ({
  retryLimit: 5,
  retryDelayMs: 60_000,
  backoff: true,
  leaseMs: 5 * 60_000,
  singletonKey: d.eventId,
});

/**
 * A webhook is tried 8 times over about 4 hours (2 minutes, then doubling); a
 * 4xx other than 408 and 429 ends it at once (the handler completes). One
 * pending delivery per event.
 */
export const monitorWebhookOptions = (d: MonitorEventData): EnqueueOptions => ({
  retryLimit: 7,
  retryDelayMs: 120_000,
  backoff: true,
  leaseMs: 5 * 60_000,
  singletonKey: d.eventId,
});

/**
 * A validator run is tried twice at most: a run that fails as a run (the target
 * is down, the deadline passed) is finished or failed by its handler, so only a
 * crash or a store failure retries it, from scratch. The lease outlasts the
 * run's own deadline. One pending job per run.
 */
export const validateRunOptions = (d: ValidateRunData): EnqueueOptions => ({
  retryLimit: 1,
  retryDelayMs: 10_000,
  leaseMs: 10 * 60_000,
  singletonKey: d.runId,
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
  [JOB.monitorTick]: '* * * * *',
  /** Every 10 minutes. */
  [JOB.monitorRollup]: '*/10 * * * *',
  /** Once a day, at 03:30 UTC. */
  [JOB.monitorConformance]: '30 3 * * *',
  /** Once a day, at 04:40 UTC. */
  [JOB.validatePrune]: '40 4 * * *',
  /** Once a day, at 04:50 UTC. */
  [JOB.keyRequestsPrune]: '50 4 * * *',
  /** Once a day, at 05:20 UTC. */
  [JOB.outboxPrune]: '20 5 * * *',
  /** Once a day, at 05:30 UTC. */
  [JOB.mailIntakePrune]: '30 5 * * *',
  [JOB.dashboardSync]: '* * * * *',
  /** Every 5 minutes. */
  [JOB.dashboardHarvestTick]: '*/5 * * * *',
  [JOB.webhooksDispatch]: '* * * * *',
  /** Once a day, at 04:50 UTC. */
  [JOB.changesPrune]: '50 4 * * *',
  /** Once a day, at 05:10 UTC. */
  [JOB.webhooksPrune]: '10 5 * * *',
  [JOB.reporterTick]: '* * * * *',
} as const;
