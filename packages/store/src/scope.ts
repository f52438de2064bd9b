/**
 * Which jurisdictions a staff user or a staff token may work on: every one
 * (`'global'`, for admins only) or the listed ids. The server services check
 * every staff call against it; the store filters its staff lists by it.
 */
export type JurisdictionScope = 'global' | readonly string[];

export const GLOBAL_SCOPE = 'global';

export const inScope = (scope: JurisdictionScope, jurisdictionId: string): boolean =>
  scope === GLOBAL_SCOPE || scope.includes(jurisdictionId);

/** Everything `inner` reaches, `outer` reaches too: what a scoped admin may see and grant. */
export const scopeWithin = (inner: JurisdictionScope, outer: JurisdictionScope): boolean =>
  outer === GLOBAL_SCOPE || (inner !== GLOBAL_SCOPE && inner.every((id) => outer.includes(id)));

/** The stored form: null = global, else a JSON array of ids. */
export const writeScope = (scope: JurisdictionScope): string | null =>
  scope === GLOBAL_SCOPE ? null : JSON.stringify([...new Set(scope)]);

/** Reads the stored form; anything but an array of strings is a corrupt row. */
export function readScope(stored: string | null): JurisdictionScope {
  if (stored === null) return GLOBAL_SCOPE;
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed) || !parsed.every((id): id is string => typeof id === 'string')) {
    throw new Error(`stored jurisdiction scope ${stored} is not a list of ids`);
  }
  return parsed;
}
