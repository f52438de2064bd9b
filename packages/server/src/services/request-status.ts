/**
 * A status change by staff, from the web back office or the staff API: the
 * rules of `changeRequestStatus`, then one audit entry with what changed.
 */
import { unknownRequest } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { resolveStaffJurisdiction } from './jurisdictions.js';
import { authorOf, type StaffActor } from './staff-actor.js';
import { changeRequestStatus, type StatusChangeInput } from './staff.js';

/** Order as `changeRequestStatus`: jurisdiction, request (404), arguments (400); nothing is written or audited on a refusal. */
export async function changeStatus(
  ctx: ServiceContext,
  actor: StaffActor,
  request_id: string,
  input: StatusChangeInput,
): Promise<Jurisdiction> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, actor.scope, input.jurisdiction_id);
  const before = await ctx.store.getRequest(jurisdiction.id, request_id);
  if (!before) throw unknownRequest(request_id);
  await changeRequestStatus(ctx, request_id, { ...input, jurisdiction_id: jurisdiction.id }, authorOf(actor));
  const note = input.note?.trim() ? input.note : undefined;
  await recordAudit(ctx, actor, {
    action: 'request.status',
    jurisdiction_id: jurisdiction.id,
    request_id,
    details: {
      from: before.status,
      to: input.status,
      ...(note !== undefined ? { note } : {}),
      ...(input.agency_responsible !== undefined ? { agency_responsible: input.agency_responsible } : {}),
      ...(input.expected_datetime !== undefined ? { expected_datetime: input.expected_datetime } : {}),
    },
  });
  return jurisdiction;
}
