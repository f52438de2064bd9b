/** The jurisdiction's active services in the reader's language, grouped and searchable. */
import type { Service } from '@o311/georeport';
import { catalogServices } from '@o311/server';
import type { Jurisdiction, Store } from '@o311/store';

export interface ServiceGroup {
  /** null: services without a group, listed last. */
  name: string | null;
  services: Service[];
}

/** Lower case without accents, so `cafe` finds `Café`; the browser filter does the same to the query. */
export const searchText = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const serviceSearchText = (s: Service): string =>
  searchText([s.service_name, s.description, s.keywords, s.group].filter(Boolean).join(' '));

export function groupServices(services: readonly Service[], locale: string): ServiceGroup[] {
  const byName = new Map<string | null, Service[]>();
  for (const s of services) {
    const key = s.group?.trim() || null;
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  const collator = new Intl.Collator(locale);
  return [...byName.entries()]
    .map(([name, list]) => ({ name, services: list.sort((a, b) => collator.compare(a.service_name, b.service_name)) }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : collator.compare(a.name, b.name)));
}

/** Services matching every word of `query` (all of them when it is blank). */
export function filterServices(services: readonly Service[], query: string): Service[] {
  const words = searchText(query).split(/\s+/).filter(Boolean);
  return services.filter((s) => {
    const text = serviceSearchText(s);
    return words.every((w) => text.includes(w));
  });
}

export const loadServices = (store: Store, j: Jurisdiction, locale: string): Promise<Service[]> =>
  catalogServices.listPublicServices(store, j, locale);
