/**
 * The one writer of audit entries for staff changes: the service that makes a
 * change records it here, whichever channel (web page or staff API) asked, so
 * each change is audited exactly once. Stamped with the service clock.
 */
import type { ServiceContext } from './context.js';
import { auditActorOf, type StaffActor } from './staff-actor.js';

export interface AuditedChange {
  /** e.g. `request.status`, `request.comment`, `user.create`. */
  action: string;
  jurisdiction_id?: string | null;
  request_id?: string | null;
  details?: Record<string, unknown>;
}

/** Details every entry carries: the channel, and the token's name (its id alone tells a reader nothing). */
export const channelDetails = (actor: StaffActor): Record<string, unknown> => ({
  channel: actor.channel,
  ...(actor.kind === 'token' ? { token_name: actor.name } : {}),
});

export async function recordAudit(ctx: ServiceContext, actor: StaffActor, change: AuditedChange): Promise<void> {
  await ctx.store.appendAudit({
    at: ctx.now(),
    actor: auditActorOf(actor),
    action: change.action,
    jurisdiction_id: change.jurisdiction_id ?? null,
    request_id: change.request_id ?? null,
    details: { ...change.details, ...channelDetails(actor) },
  });
}
