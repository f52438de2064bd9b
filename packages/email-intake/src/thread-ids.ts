/**
 * Our Message-IDs carry the thread's token (`o311.TOKEN.RANDOM@DOMAIN`), so a
 * reply that only keeps In-Reply-To/References (a client that drops the plus
 * address) still names its request; the token is unguessable, and a reply is
 * taken only from the reporter's own address anyway.
 */
import { randomBytes } from 'node:crypto';

export const newThreadToken = (): string => randomBytes(18).toString('base64url');

export const ownMessageId = (token: string, domain: string): string => `o311.${token}.${randomBytes(9).toString('base64url')}@${domain}`;

const OWN = /^o311\.([A-Za-z0-9_-]{16,64})\.[A-Za-z0-9_-]+@(.+)$/;

/** The token of the newest of our own messages in a thread, if any. */
export function tokenInThread(thread: readonly string[], domain: string): string | undefined {
  for (const id of [...thread].reverse()) {
    const m = OWN.exec(id);
    if (m && m[2]?.toLowerCase() === domain.toLowerCase()) return m[1];
  }
  return undefined;
}

export const isOwnMessageId = (id: string, domain: string): boolean => OWN.exec(id)?.[2]?.toLowerCase() === domain.toLowerCase();
