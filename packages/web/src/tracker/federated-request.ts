/**
 * A request of another endpoint (`slug:ID`) as the tracker shows it: read
 * through the federated endpoint in process (kept there 30 s), which passes
 * on only the standard's public fields. Unknown: the 404 failure; an
 * endpoint that cannot be read: the 502 one.
 */
import { parseW3CDateTime, unknownRequest, type PublicRequest } from '@o311/georeport';
import { routerServices } from '@o311/server';
import type { Endpoint } from '@o311/store';
import type { WebContext } from '../context.js';
import { ownerOf } from '../citizen/routed/routed-service.js';

export interface FederatedTracked {
  endpoint: Endpoint;
  request: PublicRequest;
  requestedAt: number;
  updatedAt: number;
  expectedAt: number | null;
}

const ms = (datetime: string): number => parseW3CDateTime(datetime) ?? 0;

export async function loadFederatedRequest(web: WebContext, id: string): Promise<FederatedTracked> {
  const endpoint = await ownerOf(web, id, unknownRequest);
  const request = await routerServices(web.services).reader.request(id);
  return {
    endpoint,
    request,
    requestedAt: ms(request.requested_datetime),
    updatedAt: ms(request.updated_datetime),
    expectedAt: request.expected_datetime === null ? null : ms(request.expected_datetime),
  };
}
