/**
 * A request of another endpoint (`slug:ID`) as the tracker shows it: read
 * through the federated endpoint in process (kept there 30 s), which passes
 * on only the standard's public fields, with its service's name from the
 * endpoint's list in the page's language (requests are not translated
 * upstream). Unknown: the 404 failure; an endpoint that cannot be read: the 502 one.
 */
import { isOpen311Failure, parseW3CDateTime, unknownRequest, type PublicRequest } from '@o311/georeport';
import { routerServices } from '@o311/server';
import type { Endpoint } from '@o311/store';
import type { WebContext } from '../context.js';
import { listedService, ownerOf } from '../citizen/routed/routed-service.js';

export interface FederatedTracked {
  endpoint: Endpoint;
  request: PublicRequest;
  /** In the page's language when the endpoint's list has it, else as the request names it. */
  serviceName: string;
  requestedAt: number;
  updatedAt: number;
  expectedAt: number | null;
}

const ms = (datetime: string): number => parseW3CDateTime(datetime) ?? 0;

/** The name in `locale`; the request's own when the list cannot be had or no longer holds the service. */
async function serviceNameOf(web: WebContext, endpoint: Endpoint, r: PublicRequest, locale: string): Promise<string> {
  try {
    return (await listedService(web, endpoint, r.service_code, locale))?.service_name ?? r.service_name;
  } catch (err) {
    if (isOpen311Failure(err)) return r.service_name;
    throw err;
  }
}

export async function loadFederatedRequest(web: WebContext, id: string, locale: string): Promise<FederatedTracked> {
  const endpoint = await ownerOf(web, id, unknownRequest);
  const request = await routerServices(web.services).reader.request(id);
  return {
    endpoint,
    request,
    serviceName: await serviceNameOf(web, endpoint, request, locale),
    requestedAt: ms(request.requested_datetime),
    updatedAt: ms(request.updated_datetime),
    expectedAt: request.expected_datetime === null ? null : ms(request.expected_datetime),
  };
}
