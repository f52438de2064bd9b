/** Response templates of a jurisdiction, saved or deleted by administrators: each change written, then audited once. */
import type { ResponseTemplate } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import type { StaffActor } from './staff-actor.js';

/** Inserts without `id`, replaces with one. */
export async function saveTemplate(
  ctx: ServiceContext,
  actor: StaffActor,
  template: Omit<ResponseTemplate, 'id'> & { id?: string },
): Promise<ResponseTemplate> {
  const saved = await ctx.store.saveTemplate(template);
  await recordAudit(ctx, actor, {
    action: 'template.save', jurisdiction_id: saved.jurisdiction_id,
    details: { template_id: saved.id, name: saved.name, mode: template.id === undefined ? 'create' : 'update' },
  });
  return saved;
}

/** False (nothing audited) when the template is gone already. */
export async function deleteTemplate(ctx: ServiceContext, actor: StaffActor, template: ResponseTemplate): Promise<boolean> {
  if (!(await ctx.store.deleteTemplate(template.id))) return false;
  await recordAudit(ctx, actor, {
    action: 'template.delete', jurisdiction_id: template.jurisdiction_id, details: { template_id: template.id, name: template.name },
  });
  return true;
}
