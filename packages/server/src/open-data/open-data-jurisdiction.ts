/** Which jurisdiction an open-data URL is about: the primary one, or the one named; never a sandbox. */
import { notFound, unknownJurisdiction } from '@o311/georeport';
import type { Jurisdiction, Store } from '@o311/store';

export async function openDataJurisdiction(store: Store, id: string | undefined): Promise<Jurisdiction> {
  if (id === undefined) {
    const primary = await store.primaryJurisdiction();
    if (!primary) throw notFound('This server publishes no jurisdiction yet.');
    return primary;
  }
  const j = await store.getJurisdiction(id);
  // A sandbox's requests are test data, not open data.
  if (!j || j.sandbox) throw unknownJurisdiction(id);
  return j;
}

/** The jurisdictions whose data is published, primary first. */
export async function openDataJurisdictions(store: Store): Promise<{ primary: Jurisdiction | undefined; all: Jurisdiction[] }> {
  const [primary, all] = await Promise.all([store.primaryJurisdiction(), store.listJurisdictions()]);
  const published = all.filter((j) => !j.sandbox);
  published.sort((a, b) => Number(b.id === primary?.id) - Number(a.id === primary?.id));
  return { primary, all: published };
}

/** The path prefix of a jurisdiction's files: `/open-data` for the primary one, else `/open-data/{id}`. */
export const openDataBase = (j: Jurisdiction, primary: Jurisdiction | undefined): string =>
  j.id === primary?.id ? '/open-data' : `/open-data/${encodeURIComponent(j.id)}`;
