/** What every page handler gets: the server's services, the web options and the mailer. */
import type { IntakeAddress, MailLimits } from '@o311/email-intake';
import type { ServiceContext } from '@o311/server';
import type { SmsOptions } from '@o311/sms';
import type { Mailer } from './mail/mailer.js';
import type { MailLog } from './mail/transport.js';
import type { ThrottlePolicy } from './staff/auth/login-throttle.js';

export interface WebOptions {
  /** The jurisdiction the pages serve (`serve --jurisdiction`); default: the server's primary jurisdiction. */
  jurisdictionId?: string;
  /** Map tiles (Leaflet URL template); default OpenStreetMap. */
  tileUrl?: string;
  tileAttribution?: string;
  /**
   * The API key the citizen app sends with its GeoReport POSTs. It is public (it is in
   * every report page), so it must not be a trusted key. Default: a key of its own.
   */
  apiKey?: string;
  /** `smtp://user:pass@host:port`; without it, mail goes to the outbox only (tests read it). */
  smtpUrl?: string;
  /** Without SMTP: print each message here instead (`serve --mail-log`); see mail/transport.ts. */
  mailLog?: MailLog;
  /** Base URL for links in e-mails, e.g. `https://311.example.org`; default from the request. */
  publicUrl?: string;
  /** Staff sessions: lifetime. */
  sessionTtlMs?: number;
  /** Citizen account sessions: lifetime (default 30 days). */
  accountSessionTtlMs?: number;
  /** The staff login throttle; unset fields keep their defaults (login-throttle.ts). */
  loginThrottle?: Partial<ThrottlePolicy>;
  /** The SMS channel (`serve --sms-provider`); `simulator` adds /channels/sms/simulator (demo and development only). */
  sms?: SmsOptions & { simulator?: boolean };
  /** Secure cookies (default: true when publicUrl is https). */
  secureCookies?: boolean;
  /** The e-mail intake (`serve --intake-address`): its quarantine page, and mail to its reporters in their thread. */
  emailIntake?: { addresses: readonly IntakeAddress[]; limits: MailLimits };
}

export interface WebContext {
  services: ServiceContext;
  options: WebOptions;
  mailer: Mailer;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap contributors';
