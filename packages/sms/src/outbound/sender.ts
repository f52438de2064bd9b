/** How the channel sends one SMS: a provider's API, or the log (demo, tests, the simulator). */

export interface OutboundSms {
  to: string;
  body: string;
}

export interface SmsSender {
  /** Names the sender in logs and the simulator. */
  readonly name: string;
  /** The provider's id of the sent message (null when it gives none). Throws SmsError ('refused' or 'unavailable'). */
  send(sms: OutboundSms): Promise<{ providerId: string | null }>;
}
