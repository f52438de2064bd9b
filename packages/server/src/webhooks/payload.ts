/**
 * What a request webhook POSTs: the event, when it happened, the jurisdiction
 * and the request exactly as `GET requests/{id}.json?extensions=true` shows
 * it (the public projection and the GeoReport JSON codec: never the
 * reporter's contact data). `id` names the event and stays the same when a
 * delivery is replayed (receivers drop duplicates by it); the
 * X-O311-Delivery header names each delivery.
 */
import { encodeRequests } from '@o311/georeport';
import type { Jurisdiction, RequestChange } from '@o311/store';
import { API_BASE } from '../georeport/route.js';
import type { ServiceContext } from '../services/context.js';
import { toExtendedRequest } from '../projection/public-request.js';

export type RequestEventName = 'request.created' | 'request.updated' | 'request.closed';

export interface WebhookPayload {
  id: string;
  event: RequestEventName | 'ping';
  occurred_at: string;
  jurisdiction_id: string;
  /** The public request (GeoReport JSON with extended_attributes); absent in a ping. */
  service_request?: unknown;
}

export const eventOf = (kind: 'created' | 'updated' | 'closed'): RequestEventName => `request.${kind}`;

/** The request as the public API shows it now; undefined when it is gone (a sandbox reset). */
export async function publicRequest(ctx: Pick<ServiceContext, 'store' | 'origin'>, j: Jurisdiction, requestId: string): Promise<unknown> {
  const projection = { timezone: j.timezone, mediaBase: `${ctx.origin.announced}${API_BASE}/media/` };
  const r = await ctx.store.getPublicRequest(j.id, requestId);
  if (!r) return undefined;
  const found = toExtendedRequest(r, await ctx.store.listEvents(j.id, r.id), projection);
  return (JSON.parse(encodeRequests([found], 'json')) as unknown[])[0];
}

/** The body of a change's delivery. */
export const changePayload = (j: Jurisdiction, change: RequestChange & { kind: 'created' | 'updated' | 'closed' }, request: unknown, eventId: string): WebhookPayload => ({
  id: eventId, event: eventOf(change.kind), occurred_at: new Date(change.at).toISOString(), jurisdiction_id: j.id, service_request: request,
});

export const pingPayload = (eventId: string, jurisdictionId: string, at: number): WebhookPayload => ({
  id: eventId, event: 'ping', occurred_at: new Date(at).toISOString(), jurisdiction_id: jurisdictionId,
});
