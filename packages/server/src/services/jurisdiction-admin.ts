/**
 * Administering jurisdictions (staff API): reading and editing one is for the
 * admins whose scope reaches it (404 otherwise, as for an unknown one);
 * creating or deleting one and choosing the primary one reach beyond any single
 * jurisdiction, so they are for global admins only (403).
 */
import { badRequest, conflict, forbidden, unknownJurisdiction } from '@o311/georeport';
import { GLOBAL_SCOPE, inScope, type Jurisdiction, type JurisdictionScope } from '@o311/store';
import type { ServiceContext } from './context.js';
import { requireInScope } from './jurisdictions.js';

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const ID_PATTERN = /^[A-Za-z0-9_.~:-]+$/;

function requireGlobal(scope: JurisdictionScope, what: string): void {
  if (scope !== GLOBAL_SCOPE) throw forbidden(`Only a global admin may ${what}.`);
}

/** The jurisdictions the scope reaches, by id. */
export async function listJurisdictionsIn(ctx: ServiceContext, scope: JurisdictionScope): Promise<Jurisdiction[]> {
  return (await ctx.store.listJurisdictions()).filter((j) => inScope(scope, j.id));
}

export async function requireJurisdiction(ctx: ServiceContext, scope: JurisdictionScope, id: string): Promise<Jurisdiction> {
  return requireInScope(ctx.store, scope, id);
}

export async function saveJurisdiction(
  ctx: ServiceContext,
  scope: JurisdictionScope,
  j: Jurisdiction,
  mode: 'create' | 'upsert',
): Promise<Jurisdiction> {
  const existing = mode === 'create' ? undefined : await ctx.store.getJurisdiction(j.id);
  if (existing && !inScope(scope, existing.id)) throw unknownJurisdiction(j.id);
  if (!existing) requireGlobal(scope, 'create a jurisdiction');
  const problems: string[] = [];
  if (!ID_PATTERN.test(j.id)) problems.push('id may use letters, digits and _ . ~ : - only.');
  if (!isTimeZone(j.timezone)) problems.push(`timezone '${j.timezone}' is not an IANA time zone.`);
  if (problems.length > 0) throw badRequest(...problems);
  if (mode === 'create' && (await ctx.store.getJurisdiction(j.id))) {
    throw conflict(`Jurisdiction '${j.id}' already exists.`);
  }
  return ctx.store.saveJurisdiction(j);
}

/** The primary jurisdiction goes last: calls without jurisdiction_id must keep an answer while others exist. */
export async function deleteJurisdiction(ctx: ServiceContext, scope: JurisdictionScope, id: string): Promise<void> {
  await requireInScope(ctx.store, scope, id);
  requireGlobal(scope, 'delete a jurisdiction');
  const primary = await ctx.store.primaryJurisdiction();
  if (primary?.id === id && (await ctx.store.listJurisdictions()).some((j) => j.id !== id && !j.sandbox)) {
    throw conflict(`Jurisdiction '${id}' is the primary one; make another jurisdiction primary first.`);
  }
  if (!(await ctx.store.deleteJurisdiction(id))) {
    throw conflict(`Jurisdiction '${id}' still has services; delete them first.`);
  }
}

export async function setPrimaryJurisdiction(ctx: ServiceContext, scope: JurisdictionScope, id: string): Promise<Jurisdiction> {
  requireGlobal(scope, 'choose the primary jurisdiction');
  const j = await requireInScope(ctx.store, scope, id);
  if (j.sandbox) throw conflict(`Jurisdiction '${id}' is a sandbox; a sandbox is never primary.`);
  if (!(await ctx.store.setPrimaryJurisdiction(id))) throw unknownJurisdiction(id);
  return j;
}
