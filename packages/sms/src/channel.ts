/**
 * The SMS channel as configured on a server: the services it uses, the
 * jurisdiction it serves, how it sends and its limits. Made once by the
 * plugin (plugin.ts) and handed to the routes, jobs and receipts.
 */
import { servedJurisdiction, type ServiceContext } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import { e164 } from './inbound.js';
import { inTurn } from './in-turn.js';
import type { SmsSender } from './outbound/sender.js';
import { DEFAULT_SMS_LOCALE, type SmsLocale } from './texts.js';

export interface SmsLimits {
  /** Inbound messages of one number per minute; more are not answered. */
  perNumberPerMinute: number;
  /** Inbound messages of all numbers per minute (a flood from many numbers). */
  allPerMinute: number;
  /** A conversation untouched this long starts again (ms). */
  conversationTtlMs: number;
}

export const DEFAULT_SMS_LIMITS: SmsLimits = {
  perNumberPerMinute: 12,
  allPerMinute: 600,
  conversationTtlMs: 24 * 3_600_000,
};

export interface SmsChannel {
  ctx: ServiceContext;
  /** The jurisdiction configured, else the primary one. */
  jurisdictionId: string | undefined;
  /**
   * Our numbers (E.164), each with its jurisdiction (undefined: the one above).
   * Empty: any number the provider delivers to is ours.
   */
  numbers: ReadonlyMap<string, string | undefined>;
  /** The number texts are sent from (E.164), when it is one: a message from it is never answered. */
  ownNumber: string | undefined;
  defaultLocale: SmsLocale;
  sender: SmsSender;
  limits: SmsLimits;
  /** Runs the answers to one number one at a time (in-turn.ts). */
  inTurn: ReturnType<typeof inTurn>;
}

export interface SmsChannelOptions {
  sender: SmsSender;
  jurisdictionId?: string;
  numbers?: ReadonlyMap<string, string | undefined>;
  /** The number texts are sent from (`--sms-from`): E.164, or anything else (a Messaging Service id) that is no number. */
  from?: string;
  defaultLocale?: SmsLocale;
  limits?: Partial<SmsLimits>;
}

export function smsChannel(ctx: ServiceContext, options: SmsChannelOptions): SmsChannel {
  return {
    ctx,
    jurisdictionId: options.jurisdictionId,
    numbers: options.numbers ?? new Map(),
    ownNumber: options.from === undefined ? undefined : e164(options.from),
    defaultLocale: options.defaultLocale ?? DEFAULT_SMS_LOCALE,
    sender: options.sender,
    limits: { ...DEFAULT_SMS_LIMITS, ...options.limits },
    inTurn: inTurn(),
  };
}

/** The number texted when none is named (the simulator's): the first of ours, or '' when any is. */
export const firstNumber = (ch: SmsChannel): string => ch.numbers.keys().next().value ?? '';

/**
 * The jurisdiction of messages to `to` (default: `firstNumber`); 'unknown-number'
 * when we have numbers and it is none of them; undefined when the server has
 * no jurisdiction yet.
 */
export async function smsJurisdiction(ch: SmsChannel, to = firstNumber(ch)): Promise<Jurisdiction | 'unknown-number' | undefined> {
  if (ch.numbers.size === 0) return servedJurisdiction(ch.ctx.store, ch.jurisdictionId);
  const ours = e164(to);
  if (ours === undefined || !ch.numbers.has(ours)) return 'unknown-number';
  return servedJurisdiction(ch.ctx.store, ch.numbers.get(ours) ?? ch.jurisdictionId);
}
