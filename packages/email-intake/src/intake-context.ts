/** What the intake runs with: the server's services, the city's addresses and the limits. */
import type { ServiceContext } from '@o311/server';
import type { IntakeAddress } from './addresses.js';
import type { MailLimits } from './limits.js';

export interface IntakeContext {
  services: ServiceContext;
  /** At least one; the first one's domain names our own Message-IDs. */
  addresses: readonly IntakeAddress[];
  limits: MailLimits;
  /** Told of a failure that does not fail the message (e.g. a notice to followers not queued). */
  onError?: (error: unknown) => void;
}

/** The envelope of an SMTP transaction (or of a file an operator hands in). */
export interface MailEnvelope {
  /** The MAIL FROM address; '' for the null sender `<>` of a bounce; undefined when unknown (a file). */
  mailFrom: string | undefined;
  /** Empty for a file: its To/Cc/Delivered-To headers name the recipients then. */
  rcptTo: readonly string[];
  /** A file's intake address when its headers name none of ours (an operator hands it in for that address). */
  handedInFor?: string;
}

/** The domain of our own Message-IDs (the first intake address's), whichever jurisdiction a mail is about: one domain to recognise. */
export const ownDomain = (addresses: readonly IntakeAddress[]): string => addresses[0]?.address.split('@')[1] ?? 'o311.invalid';
