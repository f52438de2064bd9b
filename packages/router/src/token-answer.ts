/**
 * GET tokens/{token} on the federated endpoint: the federated id once the
 * upstream took the request; the token alone before (as a batch service
 * answers before its id exists, spec §7); and, when the upstream refused it
 * with a 4xx, an Open311 error (HTTP 422) carrying the upstream's own
 * description. A dead delivery (retries exhausted, waiting for an admin)
 * still answers the token alone: it may yet be delivered.
 */
import { Open311Failure, unknownToken, type RequestReceipt } from '@o311/georeport';
import type { FederatedRequest } from '@o311/store';
import { federatedName } from './federated-ids.js';

export const REFUSED_STATUS = 422;

export const upstreamRefused = (slug: string, description: string): Open311Failure =>
  new Open311Failure(REFUSED_STATUS, `The endpoint '${slug}' refused this request: ${description}`);

/** The receipt for `token`, or the Open311Failure to answer (404 unknown, 422 refused upstream). */
export function tokenAnswer(token: string, r: FederatedRequest | undefined): RequestReceipt {
  if (r === undefined) throw unknownToken(token);
  if (r.state === 'failed') throw upstreamRefused(r.endpoint_slug, r.last_error ?? 'no reason given');
  if (r.state === 'delivered' && r.upstream_id !== null) {
    return { service_request_id: federatedName(r.endpoint_slug, r.upstream_id), token: r.token };
  }
  return { token: r.token };
}
