/**
 * The call-taker's service search. A caller names the problem in their own
 * words and language, so every language's names and keywords are searched,
 * whatever the agent's UI language; and a service whose name or keywords
 * match comes before one matched only through its group or description
 * (so "light" puts Streetlight before Pothole in "Streets & Lighting").
 */
import type { Service } from '@o311/georeport';
import type { Jurisdiction, Store } from '@o311/store';
import { LOCALES } from '../../i18n/locales.js';
import { loadServices, searchText } from '../../citizen/catalog.js';

/** What a service is searched by: its names and keywords (strong), its groups and descriptions (weak), in every language. */
export interface SearchableService {
  /** In the agent's language, as shown. */
  service: Service;
  named: string;
  mentioned: string;
}

export interface ServiceMatches {
  /** Best first: matched by name or keywords, then by group or description; by name within each. */
  services: Service[];
  /** How many matched by name or keywords (the first ones of `services`). */
  named: number;
}

export async function searchableServices(store: Store, j: Jurisdiction, locale: string): Promise<SearchableService[]> {
  const all = await Promise.all(LOCALES.map((l) => loadServices(store, j, l)));
  const shown = all[LOCALES.findIndex((l) => l === locale)] ?? (await loadServices(store, j, locale));
  const versions = new Map<string, Service[]>();
  for (const s of all.flat()) versions.set(s.service_code, [...(versions.get(s.service_code) ?? []), s]);
  const texts = (code: string, pick: (s: Service) => (string | null)[]): string =>
    searchText((versions.get(code) ?? []).flatMap(pick).filter(Boolean).join(' '));
  return shown.map((service) => ({
    service,
    named: texts(service.service_code, (s) => [s.service_name, s.keywords]),
    mentioned: texts(service.service_code, (s) => [s.description, s.group]),
  }));
}

/** The services matching every word of `query`, ranked (none for a blank query). */
export function matchServices(services: readonly SearchableService[], query: string, locale: string): ServiceMatches {
  const words = searchText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return { services: [], named: 0 };
  const collator = new Intl.Collator(locale);
  const byName = (a: Service, b: Service): number => collator.compare(a.service_name, b.service_name);
  const named = services.filter((s) => words.every((w) => s.named.includes(w))).map((s) => s.service).sort(byName);
  const mentioned = services
    .filter((s) => !named.includes(s.service) && words.every((w) => s.named.includes(w) || s.mentioned.includes(w)))
    .map((s) => s.service)
    .sort(byName);
  return { services: [...named, ...mentioned], named: named.length };
}
