/**
 * The service list of any registry endpoint: a local one (served by this
 * o311 server) read from the store, a remote one through the cache of
 * fetched lists (service-list-cache.ts). The discovery API asks without a
 * locale (the lists as published); the federated endpoint in its caller's.
 */
import type { LocaleTag } from '@o311/router';
import type { Store, Endpoint } from '@o311/store';
import { listPublicServices } from '../services/catalog.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { DEFAULT_SERVICES_TTL_MS, ServiceListCache, type ServiceListResult } from './service-list-cache.js';

export class ServiceLists {
  readonly #store: Store;
  readonly #remote: ServiceListCache;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(store: Store, remote: ServiceListCache, o: { ttlMs?: number; now?: () => number } = {}) {
    this.#store = store;
    this.#remote = remote;
    this.#ttlMs = o.ttlMs ?? DEFAULT_SERVICES_TTL_MS;
    this.#now = o.now ?? Date.now;
  }

  /** In `locale` where translated. Never rejects: a list that cannot be had comes back with its `error`. */
  async of(endpoint: Endpoint, locale?: LocaleTag): Promise<ServiceListResult> {
    if (!endpoint.local) return this.#remote.get(endpoint, locale);
    try {
      const j = await resolveJurisdiction(this.#store, endpoint.jurisdiction_id ?? undefined);
      return { services: await listPublicServices(this.#store, j, locale), expires: this.#now() + this.#ttlMs };
    } catch (err) {
      return { expires: this.#now(), error: err instanceof Error ? err.message : String(err) };
    }
  }

  settled(): Promise<void> {
    return this.#remote.settled();
  }
}
