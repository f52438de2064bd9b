/**
 * Request webhooks (issue 13): subscribers an admin registers for one
 * jurisdiction's request changes, the deliveries made for them (one per
 * subscriber and change: the row is the truth, the job queue only carries it
 * out) and every attempt of each. Part of the {@link Store} as `store.webhooks`.
 * Times are epoch milliseconds (UTC).
 */

/** The request changes a subscriber may want (store.changes kinds, `rebuild` never). */
export const WEBHOOK_EVENTS = ['created', 'updated', 'closed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_STATES = ['active', 'paused'] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

export const DELIVERY_STATES = [
  /** Not delivered yet: waiting for its job (or for its paused subscriber to resume). */
  'pending',
  /** A 2xx answer. */
  'delivered',
  /** Refused for good (a 4xx other than 408 and 429, an address not allowed). */
  'failed',
  /** Its retries ran out. */
  'dead',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const MAX_WEBHOOK_URL = 2000;
export const MAX_WEBHOOK_NAME = 200;
/** Characters of a receiver's answer kept per attempt. */
export const MAX_ATTEMPT_EXCERPT = 500;

export interface NewWebhookSubscriber {
  /** Chosen by the caller: the sealed secret is bound to it. */
  id: string;
  jurisdiction_id: string;
  name: string;
  url: string;
  events: readonly WebhookEvent[];
  /** The signing secret, sealed by the server (the store keeps opaque text). */
  secret_sealed: string;
  /** Told when the subscriber is paused. */
  owner_email: string;
  /** Who created it (an audit actor). */
  created_by: string;
}

export interface WebhookSubscriber extends Omit<NewWebhookSubscriber, 'events'> {
  id: string;
  events: WebhookEvent[];
  state: WebhookState;
  paused_at: number | null;
  pause_reason: string | null;
  /** Deliveries in a row that ended failed or dead (0 after one is delivered). */
  consecutive_failures: number;
  /** When the current run of failed attempts began (null after a success). */
  failing_since: number | null;
  created_at: number;
  updated_at: number;
}

export type WebhookSubscriberChanges = Partial<Pick<WebhookSubscriber, 'name' | 'url' | 'events' | 'owner_email' | 'secret_sealed'>>;

export interface NewWebhookDelivery {
  /** Chosen by the caller: the body names it. */
  id: string;
  subscriber_id: string;
  /** The change it tells of; null for a ping or a replay (never two deliveries per subscriber and change). */
  change_id: number | null;
  /** `request.created`, `request.updated`, `request.closed` or `ping`. */
  event: string;
  /** The JSON body, exactly as POSTed. */
  body: string;
  /** The delivery this one replays. */
  replay_of: string | null;
}

export interface WebhookDelivery extends NewWebhookDelivery {
  state: DeliveryState;
  attempts: number;
  created_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
}

export interface DeliveryAttempt {
  at: number;
  /** The receiver's HTTP status; null when there was no answer. */
  http_status: number | null;
  /** Why there was no usable answer (`timeout`, `connection`, `refused`, …); null with an answer. */
  error: string | null;
  latency_ms: number;
  /** The start of the answer, control characters removed, at most MAX_ATTEMPT_EXCERPT characters. */
  excerpt: string;
}

/** What an attempt led to. */
export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'dead';

/** When a failing subscriber is paused. */
export interface PausePolicy {
  /** Deliveries in a row that ended failed or dead. */
  failures: number;
  /** Or failed attempts without a success for this long, ms. */
  failingForMs: number;
}

/** Which finished deliveries a subscriber's log keeps. */
export interface HistoryPolicy {
  /** Epoch ms: finished deliveries created earlier may go. */
  before: number;
  /** A subscriber's newest deliveries kept whatever their age. */
  keep: number;
}

export interface RecordedAttempt {
  delivery: WebhookDelivery;
  subscriber: WebhookSubscriber;
  /** This attempt paused the subscriber (the caller tells its owner, once). */
  paused: boolean;
}

export interface WebhookStore {
  createSubscriber(s: NewWebhookSubscriber, now: number): Promise<WebhookSubscriber>;
  getSubscriber(id: string): Promise<WebhookSubscriber | undefined>;
  /** Newest first; `jurisdictions` null: all. */
  listSubscribers(filter: { jurisdictions: readonly string[] | null; states?: readonly WebhookState[]; limit: number; offset?: number }): Promise<WebhookSubscriber[]>;
  /** Undefined when it does not exist. */
  updateSubscriber(id: string, changes: WebhookSubscriberChanges, now: number): Promise<WebhookSubscriber | undefined>;
  /** Removes it with its deliveries and their attempts; false when it did not exist. */
  deleteSubscriber(id: string): Promise<boolean>;
  /** Active to paused; false when it was not active. */
  pause(id: string, reason: string, now: number): Promise<boolean>;
  /** Paused to active, its failure counts cleared; false when it was not paused. */
  resume(id: string, now: number): Promise<boolean>;

  /** Inserts the deliveries; one whose (subscriber, change) is already there is left out. The ones inserted. */
  addDeliveries(rows: readonly NewWebhookDelivery[], now: number): Promise<WebhookDelivery[]>;
  getDelivery(id: string): Promise<WebhookDelivery | undefined>;
  /** A subscriber's deliveries, newest first, each with its attempts (oldest first). */
  listDeliveries(subscriberId: string, page: { limit: number; offset?: number }): Promise<Array<WebhookDelivery & { attempt_log: DeliveryAttempt[] }>>;
  /** Pending deliveries of active subscribers created before `before` (of one subscriber when given), oldest first. */
  pendingDeliveries(filter: { before: number; limit: number; subscriber_id?: string }): Promise<WebhookDelivery[]>;
  /** The newest delivery of each subscriber named. */
  lastDeliveries(subscriberIds: readonly string[]): Promise<Map<string, WebhookDelivery>>;
  /**
   * Logs an attempt of a pending delivery and moves it on by `outcome`, in one
   * transaction with the subscriber's failure counts; pauses the subscriber
   * by `policy`. Undefined when the delivery is gone or no longer pending.
   */
  recordAttempt(deliveryId: string, attempt: DeliveryAttempt, outcome: AttemptOutcome, policy: PausePolicy): Promise<RecordedAttempt | undefined>;
  /**
   * Forgets delivered, failed and dead deliveries created before `policy.before`, with their attempts,
   * except each subscriber's newest `policy.keep` deliveries (of any state); pending ones stay whatever
   * their age. In transactions of a bounded batch each. The number of deliveries removed.
   */
  pruneDeliveries(policy: HistoryPolicy): Promise<number>;
}
