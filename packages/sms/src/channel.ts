/**
 * The SMS channel as configured on a server: the services it uses, the
 * jurisdiction it serves, how it sends and its limits. Made once by the
 * plugin (plugin.ts) and handed to the routes, jobs and receipts.
 */
import { servedJurisdiction, type ServiceContext } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
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
  defaultLocale: SmsLocale;
  sender: SmsSender;
  limits: SmsLimits;
}

export interface SmsChannelOptions {
  sender: SmsSender;
  jurisdictionId?: string;
  defaultLocale?: SmsLocale;
  limits?: Partial<SmsLimits>;
}

export function smsChannel(ctx: ServiceContext, options: SmsChannelOptions): SmsChannel {
  return {
    ctx,
    jurisdictionId: options.jurisdictionId,
    defaultLocale: options.defaultLocale ?? DEFAULT_SMS_LOCALE,
    sender: options.sender,
    limits: { ...DEFAULT_SMS_LIMITS, ...options.limits },
  };
}

/** The jurisdiction SMS reports go to; undefined when the server has none yet. */
export const smsJurisdiction = (ch: SmsChannel): Promise<Jurisdiction | undefined> => servedJurisdiction(ch.ctx.store, ch.jurisdictionId);
