/**
 * How outbox messages leave: through SMTP, or printed (`serve --mail-log`, on
 * by default for `--demo` without SMTP, so that a newcomer can follow a
 * sign-in link without a mail server). Neither: they stay in the outbox.
 */
import type { WebOptions } from '../context.js';
import { senderAddress, smtpDelivery, type Deliver } from './smtp.js';

/** Writes one printed message (a whole block of lines). */
export type MailLog = (text: string) => void;

/** The delivery the options ask for; undefined when mail stays in the outbox. */
export function mailDelivery(options: Pick<WebOptions, 'smtpUrl' | 'mailLog' | 'publicUrl'>): Deliver | undefined {
  if (options.smtpUrl) return smtpDelivery(options.smtpUrl, senderAddress(options.publicUrl));
  const log = options.mailLog;
  if (log === undefined) return undefined;
  return async (m) => {
    log(`mail to ${m.to}: ${m.subject}\n${m.text.trimEnd().replace(/^/gm, '  | ')}\n`);
  };
}

/** Whether messages leave the outbox at all (a delivery job is queued for each). */
export const mailLeaves = (options: Pick<WebOptions, 'smtpUrl' | 'mailLog'>): boolean =>
  Boolean(options.smtpUrl) || options.mailLog !== undefined;
