/**
 * Mail to the reporter of a request filed by e-mail goes in their thread
 * (In-Reply-To their message, Reply-To the intake address with the thread's
 * token: see @o311/email-intake threading.ts); other mail is left as it is.
 */
import { reporterThread, threadingFor } from '@o311/email-intake';
import type { MailThreading, NewOutboxMessage } from '@o311/store';
import type { WebContext } from '../context.js';

/** The headers of mail to `to` about the request, when it was filed by e-mail and `to` is its reporter. */
export async function reporterThreading(web: WebContext, jurisdictionId: string, requestId: string, to: string): Promise<MailThreading | undefined> {
  const intake = web.options.emailIntake;
  return intake && threadingFor(web.services.store, intake.addresses, { id: jurisdictionId }, requestId, to);
}

/** Puts mail to the reporter in their thread, the request looked up once (a notice goes to many followers). */
export async function reporterThreader(web: WebContext, jurisdictionId: string, requestId: string): Promise<(m: NewOutboxMessage) => NewOutboxMessage> {
  const intake = web.options.emailIntake;
  const thread = intake && (await reporterThread(web.services.store, intake.addresses, { id: jurisdictionId }, requestId));
  return (m) => (thread?.reporter === m.to.toLowerCase() ? { ...m, threading: thread.threading } : m);
}
