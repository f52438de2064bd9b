/**
 * Marking a request as a duplicate: the original must be another request of
 * the same jurisdiction; the triage records the link and the request is closed
 * as `duplicate` with a public note. One audit entry (`request.duplicate_of`)
 * tells both, since the status change is part of the same act.
 */
import { badRequest, unknownRequest } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import { channelDetails, recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { resolveStaffJurisdiction } from './jurisdictions.js';
import { auditActorOf, authorOf, type StaffActor } from './staff-actor.js';
import { changeRequestStatus } from './staff.js';

export interface DuplicateInput {
  jurisdiction_id?: string;
  /** The id of the original request. */
  original: string;
  /** The public note; defaults to one naming the original. */
  note?: string | null;
}

export const defaultDuplicateNote = (original: string): string => `This request duplicates request ${original}.`;

export async function markDuplicate(ctx: ServiceContext, actor: StaffActor, request_id: string, input: DuplicateInput): Promise<Jurisdiction> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, actor.scope, input.jurisdiction_id);
  const before = await ctx.store.getTriagedRequest(jurisdiction.id, request_id);
  if (!before) throw unknownRequest(request_id);
  const original = input.original.trim().replace(/^#/, '');
  if (original === request_id) throw badRequest('A request cannot be a duplicate of itself.');
  if (original === '' || !(await ctx.store.getRequest(jurisdiction.id, original))) {
    throw badRequest(`original '${original}' is not a request of '${jurisdiction.id}'.`);
  }
  const details = { ...channelDetails(actor), status: { from: before.status, to: 'duplicate' } };
  if (before.duplicate_of === original) {
    // The link is already there: the store would write no entry, so this act is recorded here.
    await recordAudit(ctx, actor, {
      action: 'request.duplicate_of', jurisdiction_id: jurisdiction.id, request_id, details: { from: original, to: original, status: details.status },
    });
  } else {
    await ctx.store.updateTriage({
      jurisdiction_id: jurisdiction.id, request_id, actor: auditActorOf(actor), audit_details: details, at: ctx.now(), duplicate_of: original,
    });
  }
  const note = input.note?.trim() ? input.note : defaultDuplicateNote(original);
  await changeRequestStatus(ctx, request_id, { jurisdiction_id: jurisdiction.id, status: 'duplicate', note }, authorOf(actor));
  return jurisdiction;
}
