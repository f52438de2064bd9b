/**
 * Which jurisdiction a call is about. `jurisdiction_id` is optional while the
 * store serves one jurisdiction (if given it must match: else 404) and required
 * (400) once it serves several.
 */
import { missingJurisdiction, notFound, unknownJurisdiction } from '@o311/georeport';
import type { Jurisdiction, Store } from '@o311/store';

export async function resolveJurisdiction(store: Store, requested: string | undefined): Promise<Jurisdiction> {
  if (requested !== undefined && requested !== '') {
    const found = await store.getJurisdiction(requested);
    if (!found) throw unknownJurisdiction(requested);
    return found;
  }
  const all = await store.listJurisdictions();
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw notFound('This endpoint serves no jurisdiction yet.');
  throw missingJurisdiction(all.map((j) => j.id));
}
