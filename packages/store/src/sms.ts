/**
 * The SMS channel's records (issue 15, packages/sms): one conversation per
 * phone number and jurisdiction, the provider message ids already handled
 * (replays answer nothing new), opt-outs (STOP), the numbers that follow a
 * request by SMS, and the message log that is also the outbound queue. Part
 * of the {@link Store} as `store.sms`. Phone numbers are personal data: none
 * of this is ever public.
 */

export const SMS_DIRECTIONS = ['in', 'out'] as const;
export type SmsDirection = (typeof SMS_DIRECTIONS)[number];

export const SMS_MESSAGE_STATES = [
  /** Inbound, or a reply given in the webhook's answer: nothing to send. */
  'logged',
  /** Outbound, waiting for the `sms.send` job. */
  'queued',
  'sent',
  /** The provider refused it for good. */
  'failed',
] as const;
export type SmsMessageState = (typeof SMS_MESSAGE_STATES)[number];

/** A conversation as stored; `state` is the SMS package's own JSON. */
export interface SmsConversation {
  /** Random; names the request the conversation files (its idempotency key). */
  id: string;
  jurisdiction_id: string;
  phone: string;
  locale: string;
  state: string;
  /** Moves on at each save: a save that names an older version is refused. */
  version: number;
  updated_at: number;
}

export type SmsConversationWrite =
  /** Creates (`version` null) or replaces the conversation at `version`. */
  | { kind: 'save'; version: number | null; conversation: Omit<SmsConversation, 'version' | 'updated_at'> }
  /** Ends the conversation at `version` (filed, cancelled). */
  | { kind: 'end'; version: number }
  | { kind: 'keep' };

export interface NewSmsMessage {
  jurisdiction_id: string;
  phone: string;
  direction: SmsDirection;
  body: string;
  state: SmsMessageState;
  at: number;
}

export interface SmsMessage extends NewSmsMessage {
  id: string;
  sent_at: number | null;
  /**
   * The provider's id of a sent message; for an inbound message and the
   * replies given in its webhook's answer, `provider:message_id` of the
   * inbound message (a redelivery is answered the same, `repliesTo`).
   */
  provider_id: string | null;
}

/** The inbound message being answered: its provider id is claimed with the write. */
export interface SmsInboundClaim {
  provider: string;
  message_id: string;
  at: number;
}

export type SmsExchangeOutcome =
  | { ok: true }
  /** Another process handled the same provider message first: nothing was written. */
  | { ok: false; reason: 'replayed' }
  /** The conversation moved on since it was read: nothing was written. */
  | { ok: false; reason: 'conflict' };

export interface SmsSubscriber {
  phone: string;
  locale: string;
  /** The status the follower was last told of (null: none since they followed, at filing). */
  last_status: string | null;
}

export interface SmsStore {
  conversation(jurisdiction_id: string, phone: string): Promise<SmsConversation | undefined>;
  /** Whether the provider message was handled already. */
  handled(provider: string, message_id: string): Promise<boolean>;
  /**
   * The replies given to a handled message, in order, when it came from
   * `phone` to the jurisdiction; undefined when no such message of that number
   * is logged (another number's, or pruned).
   */
  repliesTo(claim: Omit<SmsInboundClaim, 'at'>, jurisdiction_id: string, phone: string): Promise<string[] | undefined>;
  /**
   * Answers one inbound message in ONE transaction: claims its provider id,
   * writes the conversation and logs the messages (the inbound one and the
   * replies); either all of it or none.
   */
  exchange(claim: SmsInboundClaim, write: SmsConversationWrite, log: readonly NewSmsMessage[]): Promise<SmsExchangeOutcome>;
  /** STOP: no SMS to this number from the jurisdiction until `optIn`. */
  optOut(jurisdiction_id: string, phone: string, at: number): Promise<void>;
  optIn(jurisdiction_id: string, phone: string): Promise<void>;
  optedOut(jurisdiction_id: string, phone: string): Promise<boolean>;
  /** Follows the request's public status changes by SMS (again: nothing changes). */
  subscribe(jurisdiction_id: string, request_id: string, subscriber: Omit<SmsSubscriber, 'last_status'>, at: number): Promise<void>;
  subscribers(jurisdiction_id: string, request_id: string): Promise<SmsSubscriber[]>;
  /**
   * Records that the follower is told of `status`, if they were last told of
   * `before` (null: nothing yet); false when another process did first, so
   * that two status jobs at once text once.
   */
  told(jurisdiction_id: string, request_id: string, phone: string, before: string | null, status: string): Promise<boolean>;
  /** Logs a message; returns its id. */
  log(message: NewSmsMessage): Promise<string>;
  message(id: string): Promise<SmsMessage | undefined>;
  /** Marks a queued message sent or failed; false when it was not queued (sent already). */
  settle(id: string, outcome: { state: 'sent'; at: number; provider_id: string | null } | { state: 'failed' }): Promise<boolean>;
  /** The newest messages of one number, oldest first (the simulator's transcript). */
  messagesOf(jurisdiction_id: string, phone: string, limit: number): Promise<SmsMessage[]>;
  /** Forgets conversations untouched since `before`; returns how many. */
  expireConversations(before: number): Promise<number>;
  /** Forgets logged messages and handled ids older than `before`; returns how many messages. */
  prune(before: number): Promise<number>;
}
