/**
 * Triage by staff: department, assignee, priority and the public expected date.
 * The store writes the change and its audit entries (one per changed field) in
 * one transaction; an unchanged field leaves no entry.
 */
import { badRequest, unknownRequest } from '@o311/georeport';
import { inScope, PRIORITIES, type Jurisdiction, type Priority, type TriagedRequest } from '@o311/store';
import { channelDetails } from './audit.js';
import type { ServiceContext } from './context.js';
import { resolveStaffJurisdiction } from './jurisdictions.js';
import { auditActorOf, type StaffActor } from './staff-actor.js';

export interface TriageInput {
  jurisdiction_id?: string;
  /** Null unassigns; absent leaves it alone (the same for every field). */
  assigned_department_id?: string | null;
  assigned_user_id?: string | null;
  priority?: string;
  expected_at?: number | null;
}

const isPriority = (s: string): s is Priority => (PRIORITIES as readonly string[]).includes(s);

/** Every problem of the input as one 400, before anything is written. */
async function problemsOf(ctx: ServiceContext, jurisdiction: Jurisdiction, input: TriageInput): Promise<string[]> {
  const problems: string[] = [];
  const department = input.assigned_department_id;
  if (department != null && !(await ctx.store.listDepartments(jurisdiction.id)).some((d) => d.id === department)) {
    problems.push(`assigned_department_id '${department}' is not a department of '${jurisdiction.id}'.`);
  }
  const user = input.assigned_user_id;
  const assignee = user != null ? await ctx.store.getUser(user) : undefined;
  // Staff of other jurisdictions are as unknown here as anyone.
  if (user != null && !(assignee?.active && inScope(assignee.jurisdictions, jurisdiction.id))) {
    problems.push(`assigned_user_id '${user}' is not an active staff user of '${jurisdiction.id}'.`);
  }
  if (input.priority !== undefined && !isPriority(input.priority)) problems.push(`priority must be one of ${PRIORITIES.join(', ')}.`);
  if (input.expected_at != null && !Number.isFinite(input.expected_at)) problems.push('expected_at must be an instant.');
  return problems;
}

export async function updateTriage(
  ctx: ServiceContext,
  actor: StaffActor,
  request_id: string,
  input: TriageInput,
): Promise<{ jurisdiction: Jurisdiction; request: TriagedRequest }> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, actor.scope, input.jurisdiction_id);
  if (!(await ctx.store.getTriagedRequest(jurisdiction.id, request_id))) throw unknownRequest(request_id);
  const problems = await problemsOf(ctx, jurisdiction, input);
  if (problems.length > 0) throw badRequest(...problems);
  const request = await ctx.store.updateTriage({
    jurisdiction_id: jurisdiction.id,
    request_id,
    actor: auditActorOf(actor),
    audit_details: channelDetails(actor),
    at: ctx.now(),
    ...(input.assigned_department_id !== undefined ? { assigned_department_id: input.assigned_department_id } : {}),
    ...(input.assigned_user_id !== undefined ? { assigned_user_id: input.assigned_user_id } : {}),
    ...(input.priority !== undefined && isPriority(input.priority) ? { priority: input.priority } : {}),
    ...(input.expected_at !== undefined ? { expected_at: input.expected_at } : {}),
  });
  if (!request) throw unknownRequest(request_id);
  return { jurisdiction, request };
}
