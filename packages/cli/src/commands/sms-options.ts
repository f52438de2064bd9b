/**
 * `serve`'s SMS channel: which provider's webhook is served and with what
 * secret, how SMS are sent, and the simulator. A demo without a provider gets
 * the simulator, our neutral webhook and a secret of its own (kept in its
 * database, so that every worker checks the same signatures); nothing is sent
 * to a real phone. With a provider configured the simulator is off unless
 * asked for (--sms-simulator).
 */
import { randomBytes } from 'node:crypto';
import type { SmsOptions } from '@o311/sms';
import type { Store } from '@o311/store';
import { UsageError } from '../errors.js';

export interface SmsServeOptions {
  /** `--sms-provider` (else $O311_SMS_PROVIDER): twilio or neutral. */
  smsProvider?: string;
  /** `--sms-secret` (else $O311_SMS_SECRET): Twilio's auth token, or the neutral webhook's HMAC key. */
  smsSecret?: string;
  /** `--twilio-account-sid` (else $TWILIO_ACCOUNT_SID): texts go out through Twilio's API. */
  twilioAccountSid?: string;
  /** `--sms-from` (else $O311_SMS_FROM): our number, or a Twilio Messaging Service SID. */
  smsFrom?: string;
  /** `--sms-simulator`: the page /channels/sms/simulator (on with --demo when no provider is configured). */
  smsSimulator?: boolean;
  /** `--sms-number`: our numbers, NUMBER or NUMBER=JURISDICTION; messages to others are refused. None: any. */
  smsNumber?: string[];
}

export type WebSms = SmsOptions & { simulator: boolean };

/** What the options are checked against: @o311/sms, loaded only when needed. */
type SmsModule = Pick<typeof import('@o311/sms'), 'SMS_PROVIDERS' | 'MIN_SMS_SECRET'>;

const DEMO_SMS_SECRET = 'demo.sms-secret';
const shortSecret = (sms: SmsModule): UsageError =>
  new UsageError(`--sms-secret (or $O311_SMS_SECRET) must be at least ${sms.MIN_SMS_SECRET} characters`);

/**
 * What can be refused from the options alone, checked before anything slow
 * (the demo's seeding): the provider's name and a secret too short.
 */
export function checkSmsOptions(o: SmsServeOptions, env: Readonly<Record<string, string | undefined>>, sms: SmsModule): void {
  const provider = o.smsProvider ?? env.O311_SMS_PROVIDER;
  const providers: readonly string[] = sms.SMS_PROVIDERS;
  if (provider !== undefined && !providers.includes(provider)) throw new UsageError(`--sms-provider ${provider}: choose one of ${providers.join(', ')}`);
  const secret = o.smsSecret ?? env.O311_SMS_SECRET;
  if (secret !== undefined && secret.length < sms.MIN_SMS_SECRET) throw shortSecret(sms);
  if (provider !== undefined && secret === undefined) throw shortSecret(sms);
}

/** `--sms-number` values as a map of E.164 numbers to their jurisdiction (undefined: the web apps'). */
async function smsNumbers(specs: readonly string[], store: Store, e164: (raw: string) => string | undefined): Promise<Map<string, string | undefined>> {
  const numbers = new Map<string, string | undefined>();
  for (const spec of specs) {
    const [raw = '', jurisdiction] = spec.split('=', 2);
    const number = e164(raw);
    if (number === undefined) throw new UsageError(`--sms-number ${spec}: not an international number (+ and 8 to 15 digits), optionally =JURISDICTION`);
    if (jurisdiction !== undefined && !(await store.getJurisdiction(jurisdiction))) throw new UsageError(`--sms-number ${spec}: no jurisdiction ${jurisdiction}`);
    numbers.set(number, jurisdiction);
  }
  return numbers;
}

export async function smsServeOptions(
  o: SmsServeOptions & { demo: boolean; web: boolean; allowPrivateEndpoints: boolean },
  env: Readonly<Record<string, string | undefined>>,
  store: Store,
): Promise<WebSms | undefined> {
  const provider = o.smsProvider ?? env.O311_SMS_PROVIDER;
  const simulator = o.smsSimulator ?? (o.demo && provider === undefined);
  if (provider === undefined && !simulator) return undefined;
  if (!o.web) throw new UsageError('the SMS channel needs the web apps: leave out --no-web');
  const sms = await import('@o311/sms');
  checkSmsOptions(o, env, sms);
  let secret = o.smsSecret ?? env.O311_SMS_SECRET;
  if (secret === undefined && provider === undefined) secret = await store.claimSetting(DEMO_SMS_SECRET, randomBytes(24).toString('base64url'));
  if (secret === undefined || secret.length < sms.MIN_SMS_SECRET) throw shortSecret(sms);
  const accountSid = o.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID;
  const from = o.smsFrom ?? env.O311_SMS_FROM;
  let sender = sms.logSender();
  if (accountSid !== undefined) {
    if (provider !== 'twilio' || from === undefined) throw new UsageError('sending through Twilio needs --sms-provider twilio and --sms-from');
    try {
      sender = sms.twilioSender({ accountSid, authToken: secret, from, allowPrivate: o.allowPrivateEndpoints });
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
  }
  const numbers = await smsNumbers(o.smsNumber ?? [], store, sms.e164);
  return { provider: (provider ?? 'neutral') as WebSms['provider'], secret, sender, simulator, numbers, ...(from !== undefined && { from }) };
}

/** The banner's SMS line. */
export function smsText(sms: WebSms | undefined, base: string): string | undefined {
  if (!sms) return undefined;
  const hook = sms.provider === 'twilio' ? `${base}/channels/sms/inbound/twilio (Twilio)` : `${base}/channels/sms/inbound (JSON signed with X-O311-Signature)`;
  const out = sms.sender.name === 'log' ? 'texts kept in the database, not sent' : `texts sent through ${sms.sender.name}`;
  const numbers = sms.numbers && sms.numbers.size > 0 ? `; numbers ${[...sms.numbers.keys()].join(', ')}` : '';
  return `${sms.simulator ? `${base}/channels/sms/simulator (simulator); ` : ''}webhook ${hook}; ${out}${numbers}`;
}
