/** Departments of a jurisdiction, changed by administrators: each change written, then audited once. */
import type { Department } from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import type { StaffActor } from './staff-actor.js';

export interface DepartmentInput {
  name: string;
  email: string | null;
}

export async function createDepartment(ctx: ServiceContext, actor: StaffActor, jurisdiction_id: string, input: DepartmentInput): Promise<Department> {
  const saved = await ctx.store.saveDepartment({ jurisdiction_id, ...input });
  await recordAudit(ctx, actor, { action: 'department.create', jurisdiction_id, details: { department: saved.id, name: saved.name } });
  return saved;
}

export async function renameDepartment(ctx: ServiceContext, actor: StaffActor, before: Department, input: DepartmentInput): Promise<Department> {
  const saved = await ctx.store.saveDepartment({ ...before, ...input });
  await recordAudit(ctx, actor, {
    action: 'department.rename', jurisdiction_id: before.jurisdiction_id, details: { department: before.id, from: before.name, to: saved.name },
  });
  return saved;
}

/** Refused while requests or users are assigned to it. */
export async function deleteDepartment(ctx: ServiceContext, actor: StaffActor, department: Department): Promise<{ ok: true } | { ok: false; reason: 'in-use' }> {
  if (!(await ctx.store.deleteDepartment(department.id))) return { ok: false, reason: 'in-use' };
  await recordAudit(ctx, actor, {
    action: 'department.delete', jurisdiction_id: department.jurisdiction_id, details: { department: department.id, name: department.name },
  });
  return { ok: true };
}
