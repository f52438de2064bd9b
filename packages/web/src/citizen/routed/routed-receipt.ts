/**
 * Where a report sent through the federated endpoint stands, by its token:
 * the federated id once delivered (`slug:ID`), the token while on its way
 * (also while a dead delivery waits for an admin), or the endpoint's refusal.
 */
import { federatedName, routerServices } from '@o311/server';
import type { FederatedRequest } from '@o311/store';
import type { WebContext } from '../../context.js';

/** Tokens are UUIDs; anything much longer is not looked up. */
const MAX_TOKEN_LENGTH = 100;

export type RoutedReceipt =
  | { kind: 'request'; id: string; stored: FederatedRequest }
  | { kind: 'token'; token: string; stored: FederatedRequest }
  | { kind: 'refused'; reason: string; stored: FederatedRequest };

/** undefined: no report sent through the federated endpoint has this token. */
export async function routedReceipt(web: WebContext, token: string): Promise<RoutedReceipt | undefined> {
  if (token === '' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const stored = await web.services.store.federation.getByToken(token);
  if (stored === undefined) return undefined;
  if (stored.state === 'failed') return { kind: 'refused', reason: stored.last_error ?? '', stored };
  if (stored.state === 'delivered' && stored.upstream_id !== null) {
    return { kind: 'request', id: federatedName(stored.endpoint_slug, stored.upstream_id), stored };
  }
  return { kind: 'token', token, stored };
}

/** The registry's name of the endpoint, its slug when it is gone. */
export async function endpointName(web: WebContext, slug: string): Promise<string> {
  return (await routerServices(web.services).federation.endpoint(slug))?.name ?? slug;
}
