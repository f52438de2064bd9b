/**
 * Monitor webhooks' signing secrets, sealed at rest with the server's
 * credential box (O311_ROUTER_SECRET), as upstream API keys are. The sealed
 * text is bound to the endpoint and to this use, so neither another
 * endpoint's secret nor an upstream key copied into its place opens.
 */
import type { CredentialBox } from '@o311/router';

export const MIN_WEBHOOK_SECRET = 16;
export const MAX_WEBHOOK_SECRET = 256;

const scope = (slug: string): string => `monitor-webhook/${slug}`;

/** Why the secret cannot be one, or undefined when it is fine. */
export function webhookSecretProblem(secret: string): string | undefined {
  if (secret.length < MIN_WEBHOOK_SECRET || secret.length > MAX_WEBHOOK_SECRET || /[\u0000-\u001f\u007f]/.test(secret)) {
    return `A webhook secret is ${MIN_WEBHOOK_SECRET} to ${MAX_WEBHOOK_SECRET} characters on one line, without control characters.`;
  }
  return undefined;
}

export const sealWebhookSecret = (box: CredentialBox, slug: string, secret: string): string => box.seal(scope(slug), secret);

/** Throws CredentialError when it was sealed under another secret. */
export const openWebhookSecret = (box: CredentialBox, slug: string, sealed: string): string => box.open(scope(slug), sealed);
