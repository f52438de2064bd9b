/**
 * Mail no one wrote to the city by hand: auto-replies, bounces, lists and bulk
 * mail (RFC 3834 Auto-Submitted, the older Precedence and X-Autoreply marks,
 * List-Id), the null sender of a bounce, a mailer daemon, and our own mail
 * coming back. Answering any of them could start a mail loop, and filing them
 * would file noise: they are recorded and ignored.
 */

export type LoopReason = 'null-sender' | 'mailer-daemon' | 'auto-submitted' | 'bulk' | 'list' | 'auto-reply' | 'own-mail';

const DAEMONS = /^(mailer-daemon|postmaster|noreply|no-reply|donotreply|do-not-reply)@/;
const AUTO_REPLY_HEADERS = ['x-autoreply', 'x-autorespond'];

export function loopReason(
  envelopeFrom: string | undefined,
  from: string,
  headers: ReadonlyMap<string, string>,
  /** The message is one of ours (thread-ids.ts) come back, or sent from our own intake address. */
  ownMail: boolean,
): LoopReason | undefined {
  // The envelope's sender is `<>` (false or empty) on bounces and many auto-replies.
  if (envelopeFrom !== undefined && envelopeFrom.trim() === '') return 'null-sender';
  if (DAEMONS.test(from)) return 'mailer-daemon';
  const auto = headers.get('auto-submitted')?.trim().toLowerCase();
  if (auto !== undefined && auto !== '' && !auto.startsWith('no')) return 'auto-submitted';
  if (/^(bulk|junk|list|auto_reply)$/.test(headers.get('precedence')?.trim().toLowerCase() ?? '')) return 'bulk';
  if (headers.has('list-id') || headers.has('list-unsubscribe')) return 'list';
  if (AUTO_REPLY_HEADERS.some((h) => headers.has(h))) return 'auto-reply';
  if (ownMail) return 'own-mail';
  return undefined;
}
