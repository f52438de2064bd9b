/**
 * A request webhook's signing secret: made by the server (never chosen by the
 * admin), shown once, and sealed at rest with the server's credential box
 * (O311_ROUTER_SECRET) like the monitor's webhook secrets. The sealed text is
 * bound to the subscriber, so another subscriber's secret copied into its
 * place does not open.
 */
import { randomBytes } from 'node:crypto';
import type { CredentialBox } from '@o311/router';

const scope = (subscriberId: string): string => `request-webhook/${subscriberId}`;

/** 32 random bytes, URL-safe, with a prefix that says what it is. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export const sealSubscriberSecret = (box: CredentialBox, subscriberId: string, secret: string): string => box.seal(scope(subscriberId), secret);

/** Throws CredentialError when it was sealed under another server secret. */
export const openSubscriberSecret = (box: CredentialBox, subscriberId: string, sealed: string): string => box.open(scope(subscriberId), sealed);
