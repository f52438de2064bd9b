/**
 * Services of a jurisdiction created, replaced or deleted by administrators,
 * from the web services editor or the staff API: the rules of staff.ts, then
 * one audit entry.
 */
import type { Jurisdiction, ServiceRecord } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import type { StaffActor } from './staff-actor.js';
import { deleteService, saveService, type ServiceInput } from './staff.js';

export async function changeService(
  ctx: ServiceContext,
  actor: StaffActor,
  j: Jurisdiction,
  code: string,
  input: ServiceInput,
  mode: 'create' | 'upsert',
): Promise<ServiceRecord> {
  const existed = mode === 'upsert' && (await ctx.store.getService(j.id, code)) !== undefined;
  const saved = await saveService(ctx, j, code, input, mode);
  await recordAudit(ctx, actor, {
    action: 'service.save', jurisdiction_id: j.id, details: { service_code: code, mode: existed ? 'update' : 'create' },
  });
  return saved;
}

/** 404 (nothing audited) for an unknown service. */
export async function removeService(ctx: ServiceContext, actor: StaffActor, j: Jurisdiction, code: string): Promise<void> {
  await deleteService(ctx, j, code);
  await recordAudit(ctx, actor, { action: 'service.delete', jurisdiction_id: j.id, details: { service_code: code } });
}
