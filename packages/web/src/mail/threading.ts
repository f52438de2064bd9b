/**
 * Mail to the reporter of a request filed by e-mail goes in their thread
 * (In-Reply-To their message, Reply-To the intake address with the thread's
 * token: see @o311/email-intake threading.ts); other mail is left as it is.
 */
import { threadingFor } from '@o311/email-intake';
import type { MailThreading, NewOutboxMessage } from '@o311/store';
import type { WebContext } from '../context.js';

/** The headers of mail to `to` about the request, when it was filed by e-mail and `to` is its reporter. */
export async function reporterThreading(web: WebContext, jurisdictionId: string, requestId: string, to: string): Promise<MailThreading | undefined> {
  const intake = web.options.emailIntake;
  return intake && threadingFor(web.services.store, intake.addresses, { id: jurisdictionId }, requestId, to);
}

export async function inReporterThread(web: WebContext, jurisdictionId: string, requestId: string, m: NewOutboxMessage): Promise<NewOutboxMessage> {
  const threading = await reporterThreading(web, jurisdictionId, requestId, m.to);
  return threading ? { ...m, threading } : m;
}
