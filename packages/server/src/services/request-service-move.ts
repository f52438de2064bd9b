/**
 * Moving a request to another service by staff (the store's service-move.ts
 * says what moves with it), from the web back office or the staff API. The
 * store writes the move, its public history entry and its audit entry
 * `request.service` (old and new codes) in one transaction.
 */
import { badRequest, unknownRequest } from '@o311/georeport';
import type { Jurisdiction, ServiceMoveRefusal, TriagedRequest } from '@o311/store';
import { channelDetails } from './audit.js';
import type { ServiceContext } from './context.js';
import { resolveStaffJurisdiction } from './jurisdictions.js';
import { auditActorOf, authorOf, type StaffActor } from './staff-actor.js';

export interface ServiceMoveInput {
  jurisdiction_id?: string;
  service_code: string;
}

export interface ServiceMoveOutcome {
  jurisdiction: Jurisdiction;
  request: TriagedRequest;
  /** False when the request was already under that service: nothing was written, and nobody is to be told. */
  moved: boolean;
  /** Codes of the answers dropped because the new service does not ask them. */
  dropped_attributes: string[];
}

const refusal = (reason: Exclude<ServiceMoveRefusal, 'same-service'>, request_id: string, code: string, j: string) => {
  switch (reason) {
    case 'unknown-request': return unknownRequest(request_id);
    case 'unknown-service': return badRequest(`service_code '${code}' is not a service of '${j}'.`);
    case 'inactive-service': return badRequest(`service_code '${code}' is not active: it takes no requests.`);
  }
};

/** Order: jurisdiction (scope), request (404), service (400); nothing is written or audited on a refusal. */
export async function moveRequestService(
  ctx: ServiceContext,
  actor: StaffActor,
  request_id: string,
  input: ServiceMoveInput,
): Promise<ServiceMoveOutcome> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, actor.scope, input.jurisdiction_id);
  const result = await ctx.store.moveRequestService({
    jurisdiction_id: jurisdiction.id,
    request_id,
    service_code: input.service_code,
    actor: auditActorOf(actor),
    author: authorOf(actor),
    audit_details: channelDetails(actor),
    at: ctx.now(),
  });
  if (result.ok) return { jurisdiction, request: result.request, moved: true, dropped_attributes: result.dropped_attributes };
  if (result.reason !== 'same-service') throw refusal(result.reason, request_id, input.service_code, jurisdiction.id);
  const request = await ctx.store.getTriagedRequest(jurisdiction.id, request_id);
  if (!request) throw unknownRequest(request_id);
  return { jurisdiction, request, moved: false, dropped_attributes: [] };
}
