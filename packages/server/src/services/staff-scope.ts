/**
 * What a staff account's jurisdiction scope allows beyond reaching one
 * jurisdiction (which jurisdictions.ts resolves): acting on the whole server,
 * and granting a scope to a new staff token or user.
 */
import { forbidden } from '@o311/georeport';
import { GLOBAL_SCOPE, inScope, type JurisdictionScope, type StaffRole, type Store } from '@o311/store';

/** Acts on every jurisdiction at once (API keys, creating jurisdictions): global admins only, else 403. */
export function requireGlobal(scope: JurisdictionScope, what: string): void {
  if (scope !== GLOBAL_SCOPE) throw forbidden(`Only a global admin may ${what}.`);
}

export type ScopeRefusal =
  /** Only admins may be global. */
  | { reason: 'global-for-non-admin' }
  /** A scoped admin cannot give more than it has. */
  | { reason: 'global-by-scoped-admin' }
  /** Ids that do not exist or lie outside the granter's scope (told apart for no one). */
  | { reason: 'unknown-jurisdictions'; ids: string[] }
  | { reason: 'empty' };

/**
 * The scope `granter` may give an account of `role`. Without a request: the
 * granter's own scope when it is scoped, else undefined (the store's default:
 * global for an admin, the primary jurisdiction for the others).
 */
export async function grantScope(
  store: Store,
  granter: JurisdictionScope,
  role: StaffRole,
  requested: JurisdictionScope | undefined,
): Promise<{ ok: true; scope: JurisdictionScope | undefined } | { ok: false; refusal: ScopeRefusal }> {
  if (requested === undefined) return { ok: true, scope: granter === GLOBAL_SCOPE ? undefined : granter };
  if (requested === GLOBAL_SCOPE) {
    if (role !== 'admin') return { ok: false, refusal: { reason: 'global-for-non-admin' } };
    if (granter !== GLOBAL_SCOPE) return { ok: false, refusal: { reason: 'global-by-scoped-admin' } };
    return { ok: true, scope: GLOBAL_SCOPE };
  }
  const ids = [...new Set(requested)];
  if (ids.length === 0) return { ok: false, refusal: { reason: 'empty' } };
  const known = new Set((await store.listJurisdictions()).map((j) => j.id));
  const unknown = ids.filter((id) => !known.has(id) || !inScope(granter, id));
  if (unknown.length > 0) return { ok: false, refusal: { reason: 'unknown-jurisdictions', ids: unknown } };
  return { ok: true, scope: ids };
}
