/**
 * The e-mail intake as a plugin of the server: the daily prune of inbound
 * mail and, when a port is given, the SMTP listener, started when the server
 * is ready and closed with it. Without a port the intake still serves
 * `ingestMail` (the CLI's `o311 mail ingest`) and the quarantine page.
 */
import { JOB, SCHEDULE, type AppPlugin } from '@o311/server';
import type { IntakeAddress } from './addresses.js';
import type { IngestResult } from './ingest.js';
import type { IntakeContext } from './intake-context.js';
import type { MailLimits } from './limits.js';
import { startSmtpIntake, type SmtpIntake } from './smtp-listener.js';

const DAY_MS = 86_400_000;

export interface EmailIntakeOptions {
  addresses: readonly IntakeAddress[];
  limits: MailLimits;
  /** Listen for SMTP here; undefined: no listener. */
  smtp?: { port: number; host: string };
  /** Given the intake once the server has built it (the web app's quarantine page uses it). */
  ready?: (ic: IntakeContext, listener: SmtpIntake | undefined) => void;
  onResult?: (result: IngestResult) => void;
}

export function emailIntakePlugin(o: EmailIntakeOptions): AppPlugin {
  return async (app, services) => {
    const ic: IntakeContext = { services, addresses: o.addresses, limits: o.limits, onError: (err) => app.log.error({ err }, 'e-mail intake: a side effect failed') };
    const { jobs } = services;
    await jobs.work(JOB.mailIntakePrune, async () => {
      await services.store.mailIntake.prune(services.now() - o.limits.keepDays * DAY_MS);
    });
    await jobs.schedule(JOB.mailIntakePrune, SCHEDULE[JOB.mailIntakePrune], {}, { retryLimit: 0 });
    let listener: SmtpIntake | undefined;
    if (o.smtp) {
      const smtp = o.smtp;
      app.addHook('onReady', async () => {
        listener = await startSmtpIntake(ic, {
          ...smtp,
          onResult: o.onResult,
          onError: (err) => app.log.error({ err }, 'e-mail intake failed on a message'),
        });
        o.ready?.(ic, listener);
      });
      app.addHook('onClose', async () => listener?.close());
    } else o.ready?.(ic, undefined);
  };
}
