/** Jurisdictions created, replaced, deleted or made primary by administrators: the rules of jurisdiction-admin.ts, then one audit entry. */
import type { Jurisdiction } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { deleteJurisdiction, saveJurisdiction, setPrimaryJurisdiction } from './jurisdiction-admin.js';
import type { StaffActor } from './staff-actor.js';

export async function changeJurisdiction(ctx: ServiceContext, actor: StaffActor, j: Jurisdiction, mode: 'create' | 'upsert'): Promise<Jurisdiction> {
  const existed = mode === 'upsert' && (await ctx.store.getJurisdiction(j.id)) !== undefined;
  const saved = await saveJurisdiction(ctx, actor.scope, j, mode);
  await recordAudit(ctx, actor, { action: 'jurisdiction.save', jurisdiction_id: saved.id, details: { mode: existed ? 'update' : 'create', name: saved.name } });
  return saved;
}

export async function removeJurisdiction(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  await deleteJurisdiction(ctx, actor.scope, id);
  // The entry outlives the jurisdiction: its id is kept in the details, not as a reference.
  await recordAudit(ctx, actor, { action: 'jurisdiction.delete', details: { jurisdiction: id } });
}

export async function choosePrimaryJurisdiction(ctx: ServiceContext, actor: StaffActor, id: string): Promise<Jurisdiction> {
  const before = await ctx.store.primaryJurisdiction();
  const j = await setPrimaryJurisdiction(ctx, actor.scope, id);
  await recordAudit(ctx, actor, { action: 'jurisdiction.primary', jurisdiction_id: j.id, details: { from: before?.id ?? null, to: j.id } });
  return j;
}
