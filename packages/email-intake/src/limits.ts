/** What one inbound message may be, and how much one sender may send: every input of the intake is bounded here. */

export interface MailLimits {
  /** Bytes of a whole message, as received (the listener refuses more at DATA with 552). */
  maxMessageBytes: number;
  /** Characters of the text kept from a body (the request's description is bounded again by the catalogue). */
  maxTextChars: number;
  /** Attachments parsed at most; a message with more is quarantined. */
  maxAttachments: number;
  /** New messages of one sender per window; the rest are quarantined. */
  perSenderLimit: number;
  perSenderWindowMs: number;
  /** Replies of one sender on their threads per window (not new mail: a reporter sending photo after photo); the rest are quarantined. */
  perSenderReplies: number;
  /**
   * New messages of anyone to one jurisdiction per window, whatever the
   * sender (forged From addresses): past it, quarantined, and no receipt goes
   * to an address that may not have written.
   */
  newPerWindow: number;
  /**
   * Messages kept in quarantine (with their bytes) per window: per sender, and
   * for the whole intake. Past either, a message is recorded as ignored
   * (`flood`) without its bytes, so a flood cannot fill the database.
   */
  heldPerSender: number;
  heldPerWindow: number;
  /** Days a message's row (and a quarantined message's bytes) is kept. */
  keepDays: number;
}

export const DEFAULT_MAIL_LIMITS: MailLimits = {
  maxMessageBytes: 20 * 1024 * 1024,
  maxTextChars: 20_000,
  maxAttachments: 10,
  perSenderLimit: 5,
  perSenderWindowMs: 3_600_000,
  perSenderReplies: 30,
  newPerWindow: 100,
  heldPerSender: 10,
  heldPerWindow: 200,
  keepDays: 30,
};
