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

export async function threadingFor(
  store: Store,
  addresses: readonly IntakeAddress[],
  j: Pick<Jurisdiction, 'id'>,
  requestId: string,
  recipient: string,
): Promise<MailThreading | undefined> {
  const intake = addresses.find((a) => a.jurisdiction_id === j.id);
  const thread = intake && (await store.mailIntake.threadOf(j.id, requestId));
  if (!intake || !thread) return undefined;
  const r = await store.getRequest(j.id, requestId);
  if (r?.reporter.email?.toLowerCase() !== recipient.toLowerCase()) return undefined;
  return {
    messageId: ownMessageId(thread.token, ownDomain(addresses)),
    inReplyTo: thread.last_message_id,
    references: [...new Set([thread.root_message_id, thread.last_message_id])],
    replyTo: replyAddress(intake, thread.token),
  };
}
