/**
 * Where the server may send or fetch on an admin's word (request and monitor
 * webhooks, validator runs): never to a loopback, private or link-local
 * address unless it allows private endpoints (`serve --allow-private-endpoints`).
 * These checks give the refusal as a sentence when the URL is saved; the
 * client's guarded transport checks every address again when it connects (a
 * name may resolve differently later).
 */
import { isIP } from 'node:net';
import { classifyAddress } from '@o311/client';

/** The URL's host without an IPv6 literal's brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

export const isPrivateAddress = (address: string): boolean => !classifyAddress(address).public;

/** The URL's host when it is written as a private or loopback IP (a name is left to the transport). */
export function privateLiteral(url: URL): string | undefined {
  const host = hostOf(url);
  return isIP(host) !== 0 && isPrivateAddress(host) ? host : undefined;
}

/** Why a webhook may not be sent to `url` (its host is a private IP and those are not allowed); undefined when it may. */
export function webhookAddressProblem(url: URL, allowPrivate: boolean): string | undefined {
  const inside = allowPrivate ? undefined : privateLiteral(url);
  return inside === undefined ? undefined : `${inside} is a loopback, private or link-local address, which this server does not send webhooks to.`;
}
