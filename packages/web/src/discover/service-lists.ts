/**
 * The service list of each endpoint found. A remote endpoint's comes from the
 * discovery API's lists in this process (shared through the service context; fetched through the client SDK,
 * cached until it expires, per language; never HTTP to ourselves); a local one is read from
 * the store as the citizen app reads it. Both in the reader's language where translated.
 */
import { localeTag } from '@o311/server';
import type { Endpoint } from '@o311/store';
import type { WebContext } from '../context.js';
import { loadServices } from '../citizen/catalog.js';
import type { ServiceListAnswer, ServiceListSource } from './spot-lookup.js';

export interface ServiceListsOfWeb {
  source: ServiceListSource;
  /** Ends when background refreshes have (before the store closes). */
  settled(): Promise<void>;
}

export function serviceListsOf(web: WebContext): ServiceListsOfWeb {
  const store = web.services.store;
  const { lists } = web.services.discovery;

  const local = async (e: Endpoint, locale: string): Promise<ServiceListAnswer> => {
    const j = await (e.jurisdiction_id === null ? store.primaryJurisdiction() : store.getJurisdiction(e.jurisdiction_id));
    if (!j) return { error: `this server has no jurisdiction '${e.jurisdiction_id ?? '(primary)'}'` };
    return { services: await loadServices(store, j, locale) };
  };

  return {
    source: (e, locale) => (e.local ? local(e, locale) : lists.of(e, localeTag(locale))),
    settled: () => lists.settled(),
  };
}
