/**
 * The registry's admin, from the back office and the staff API: endpoints
 * and boundaries span every jurisdiction, so global admins only (the callers'
 * guard). Each change is audited once, here. Saving never waits on the
 * network: an endpoint's check runs as a job (jobs/registry-checks.ts).
 */
import { badRequest, notFound, type Open311Failure } from '@o311/georeport';
import type { Endpoint, NewBoundary, NewEndpoint } from '@o311/store';
import { queueRegistryCheck } from '../jobs/registry-checks.js';
import { recordAudit } from '../services/audit.js';
import type { ServiceContext } from '../services/context.js';
import type { StaffActor } from '../services/staff-actor.js';

const unknownEndpoint = (slug: string): Open311Failure => notFound(`endpoint '${slug}' does not exist.`);

async function existing(ctx: ServiceContext, slug: string): Promise<Endpoint> {
  const endpoint = await ctx.store.getEndpoint(slug);
  if (!endpoint) throw unknownEndpoint(slug);
  return endpoint;
}

/** The references an endpoint makes must hold: its boundary, and the jurisdiction it serves when local. */
async function checkReferences(ctx: ServiceContext, e: NewEndpoint): Promise<void> {
  const problems: string[] = [];
  if (e.boundary_id !== null && !(await ctx.store.getBoundary(e.boundary_id))) problems.push(`boundary_id: no boundary '${e.boundary_id}'.`);
  if (e.local && e.jurisdiction_id !== null && !(await ctx.store.getJurisdiction(e.jurisdiction_id))) {
    problems.push(`jurisdiction_id: this server serves no jurisdiction '${e.jurisdiction_id}'.`);
  }
  if (problems.length > 0) throw badRequest(...problems);
}

/** Creates or replaces the endpoint, then queues its check. */
export async function saveEndpoint(ctx: ServiceContext, actor: StaffActor, e: NewEndpoint): Promise<Endpoint> {
  await checkReferences(ctx, e);
  const before = await ctx.store.getEndpoint(e.slug);
  const saved = await ctx.store.saveEndpoint(e, ctx.now());
  await recordAudit(ctx, actor, {
    action: before ? 'registry.endpoint.update' : 'registry.endpoint.create',
    details: { endpoint: e.slug, name: e.name, tier: e.tier, status: e.status, base_url: e.base_url, boundary: e.boundary_id },
  });
  await queueRegistryCheck(ctx, e.slug);
  return saved;
}

export async function deleteEndpoint(ctx: ServiceContext, actor: StaffActor, slug: string): Promise<void> {
  const endpoint = await existing(ctx, slug);
  if (!(await ctx.store.deleteEndpoint(slug))) throw unknownEndpoint(slug);
  await recordAudit(ctx, actor, { action: 'registry.endpoint.delete', details: { endpoint: slug, name: endpoint.name } });
}

/** Saves the boundary (replacing one of the same id) and attaches it to the endpoint. */
export async function attachBoundary(ctx: ServiceContext, actor: StaffActor, slug: string, boundary: NewBoundary): Promise<Endpoint> {
  const endpoint = await existing(ctx, slug);
  const saved = await ctx.store.saveBoundary(boundary, ctx.now());
  const { created_at: _c, updated_at: _u, last_check: _l, ...fields } = endpoint;
  const attached = await ctx.store.saveEndpoint({ ...fields, boundary_id: saved.id }, ctx.now());
  await recordAudit(ctx, actor, {
    action: 'registry.boundary.attach',
    details: { endpoint: slug, boundary: saved.id, name: saved.name, tier: saved.tier, polygons: saved.geometry.length, bbox: saved.bbox },
  });
  return attached;
}

/** "Check now": queued, never awaited; false when a check of this endpoint is already pending. */
export async function checkNow(ctx: ServiceContext, actor: StaffActor, slug: string): Promise<boolean> {
  await existing(ctx, slug);
  const queued = await queueRegistryCheck(ctx, slug);
  await recordAudit(ctx, actor, { action: 'registry.endpoint.check', details: { endpoint: slug, queued: queued !== undefined } });
  return queued !== undefined;
}
