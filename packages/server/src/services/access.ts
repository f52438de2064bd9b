/**
 * API keys and staff tokens issued or withdrawn by administrators, from the
 * web back office or the staff API: the rules of staff.ts, then one audit entry.
 */
import type { ApiKey, NewApiKey, StaffRole, StaffToken, JurisdictionScope } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import type { StaffActor } from './staff-actor.js';
import { createStaffToken, revokeApiKey, revokeStaffToken } from './staff.js';

export async function issueApiKey(ctx: ServiceContext, actor: StaffActor, input: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
  const created = await ctx.store.createApiKey(input);
  const { key } = created;
  await recordAudit(ctx, actor, {
    action: 'api_key.create',
    details: { key: key.id, name: key.name, rate_limit_per_minute: key.rate_limit_per_minute, trusted: key.trusted, client: key.client },
  });
  return created;
}

/** 404 (nothing audited) for an unknown key. */
export async function withdrawApiKey(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  await revokeApiKey(ctx, id);
  await recordAudit(ctx, actor, { action: 'api_key.revoke', details: { key: id } });
}

/** The new token's scope is granted within the actor's. */
export async function issueStaffToken(
  ctx: ServiceContext,
  actor: StaffActor,
  input: { name: string; role: StaffRole; jurisdictions?: JurisdictionScope },
): Promise<{ token: StaffToken; secret: string }> {
  const created = await createStaffToken(ctx, actor.scope, input);
  const { token } = created;
  await recordAudit(ctx, actor, { action: 'staff_token.create', details: { token: token.id, name: token.name, role: token.role } });
  return created;
}

/** 404 (nothing audited) for a token unknown or beyond the actor's scope. */
export async function withdrawStaffToken(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  await revokeStaffToken(ctx, actor.scope, id);
  await recordAudit(ctx, actor, { action: 'staff_token.revoke', details: { token: id } });
}
