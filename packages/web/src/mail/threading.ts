/**
 * Mail to the reporter of a request filed by e-mail goes in their thread
 * (In-Reply-To their message, Reply-To the intake address with the thread's
 * token: see @o311/email-intake threading.ts); other mail is left as it is.
 */
import { threadingFor } from '@o311/email-intake';
import type { NewOutboxMessage } from '@o311/store';
import type { WebContext } from '../context.js';

export async function inReporterThread(web: WebContext, jurisdictionId: string, requestId: string, m: NewOutboxMessage): Promise<NewOutboxMessage> {
  const intake = web.options.emailIntake;
  if (!intake) return m;
  const threading = await threadingFor(web.services.store, intake.addresses, { id: jurisdictionId }, requestId, m.to);
  return threading ? { ...m, threading } : m;
}
