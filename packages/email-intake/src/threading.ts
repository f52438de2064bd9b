/**
 * The headers of the city's mail to the reporter of a request filed by mail
 * (its receipt and every public update): a new Message-ID of ours carrying
 * the thread's token, In-Reply-To the reporter's newest message, References
 * from their first one, and a Reply-To at the intake address with the token,
 * so the mail lands in the reporter's thread and their reply finds the
 * request. Other recipients (followers) get plain mail.
 */
import type { Jurisdiction, MailThreading, Store } from '@o311/store';
import { replyAddress, type IntakeAddress } from './addresses.js';
import { ownDomain } from './intake-context.js';
import { ownMessageId } from './thread-ids.js';

/** The reporter's address (lower case) and the headers of mail to them, when the request was filed by mail. */
export async function reporterThread(
  store: Store,
  addresses: readonly IntakeAddress[],
  j: Pick<Jurisdiction, 'id'>,
  requestId: string,
): Promise<{ reporter: string; threading: MailThreading } | undefined> {
  const intake = addresses.find((a) => a.jurisdiction_id === j.id);
  const thread = intake && (await store.mailIntake.threadOf(j.id, requestId));
  if (!intake || !thread) return undefined;
  const reporter = (await store.getRequest(j.id, requestId))?.reporter.email?.toLowerCase();
  if (!reporter) return undefined;
  const threading = {
    messageId: ownMessageId(thread.token, ownDomain(addresses)),
    inReplyTo: thread.last_message_id,
    references: [...new Set([thread.root_message_id, thread.last_message_id])],
    replyTo: replyAddress(intake, thread.token),
  };
  return { reporter, threading };
}

/** The headers of mail to `recipient` about the request, when it was filed by mail and `recipient` is its reporter. */
export async function threadingFor(
  store: Store,
  addresses: readonly IntakeAddress[],
  j: Pick<Jurisdiction, 'id'>,
  requestId: string,
  recipient: string,
): Promise<MailThreading | undefined> {
  const thread = await reporterThread(store, addresses, j, requestId);
  return thread?.reporter === recipient.toLowerCase() ? thread.threading : undefined;
}
