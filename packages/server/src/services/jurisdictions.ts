/**
 * Which jurisdiction a call is about.
 *
 * GeoReport: `jurisdiction_id` is optional. Without it a call is about the
 * server's primary jurisdiction, a stored choice (the first jurisdiction
 * created, changeable by a global admin; a sandbox never is primary), so that a
 * plain v2 client keeps working after a second jurisdiction is added. An
 * unknown `jurisdiction_id` is a 404.
 *
 * Staff (API and back office): the same, within the caller's scope. A
 * jurisdiction outside it answers exactly as an unknown one (404), so that
 * the scope does not reveal what else the server holds.
 */
import { missingJurisdiction, notFound, unknownJurisdiction } from '@o311/georeport';
import { inScope, type Jurisdiction, type JurisdictionScope, type Store } from '@o311/store';

const given = (requested: string | undefined): requested is string => requested !== undefined && requested !== '';

/** The configured jurisdiction (`serve --jurisdiction`), else the primary one; undefined when there is none. */
export async function servedJurisdiction(store: Store, configured: string | undefined): Promise<Jurisdiction | undefined> {
  return given(configured) ? store.getJurisdiction(configured) : store.primaryJurisdiction();
}

export async function resolveJurisdiction(store: Store, requested: string | undefined): Promise<Jurisdiction> {
  const found = await servedJurisdiction(store, requested);
  if (found) return found;
  if (given(requested)) throw unknownJurisdiction(requested);
  const all = await store.listJurisdictions();
  if (all.length === 0) throw notFound('This endpoint serves no jurisdiction yet.');
  // Only sandboxes: they are never primary, so the caller must name one.
  throw missingJurisdiction(all.map((j) => j.id));
}

/**
 * A staff call's jurisdiction: the one named, else the primary one when the
 * scope reaches it, else the scope's only jurisdiction; 404 outside the scope.
 */
export async function resolveStaffJurisdiction(
  store: Store,
  scope: JurisdictionScope,
  requested: string | undefined,
): Promise<Jurisdiction> {
  if (given(requested)) return requireInScope(store, scope, requested);
  const primary = await store.primaryJurisdiction();
  if (primary && inScope(scope, primary.id)) return primary;
  if (scope === 'global') return resolveJurisdiction(store, undefined);
  const [only, ...more] = scope;
  if (only !== undefined && more.length === 0) return requireInScope(store, scope, only);
  if (only === undefined) throw notFound('This account works on no jurisdiction.');
  throw missingJurisdiction(scope);
}

/** The jurisdiction `id` when it exists and the scope reaches it; else the 404 of an unknown jurisdiction. */
export async function requireInScope(store: Store, scope: JurisdictionScope, id: string): Promise<Jurisdiction> {
  const found = inScope(scope, id) ? await store.getJurisdiction(id) : undefined;
  if (!found) throw unknownJurisdiction(id);
  return found;
}
