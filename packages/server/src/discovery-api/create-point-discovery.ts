/** The point lookups of one app or command, with their service lists (local from the store, remote through the client SDK). */
import type { Store } from '@o311/store';
import { PointDiscovery } from './point-discovery.js';
import { DEFAULT_REMOTE_TIMEOUT_MS, remoteServiceLists } from './remote-services.js';
import { ServiceListCache, type ServiceListFetcher } from './service-list-cache.js';
import { ServiceLists } from './service-lists.js';

export interface DiscoveryOptions {
  /**
   * Fetch remote service lists from private, loopback and link-local addresses too
   * (tests, an intranet registry). Default false: such endpoints answer a `services_error`.
   */
  allowPrivate?: boolean;
  /** How long a service list is reused; default one hour. */
  servicesTtlMs?: number;
  /** How long a failed fetch stands before the endpoint is asked again; default one minute. */
  failureTtlMs?: number;
  /** Deadline of one remote service list; default 5 s. */
  timeoutMs?: number;
  /** Instead of the client SDK (tests). */
  fetchServices?: ServiceListFetcher;
  now?: () => number;
}

/** One per app (ServiceContext.discovery): the API, the web page and the checks share its index and its cached lists. */
export interface Discovery {
  points: PointDiscovery;
  lists: ServiceLists;
  /** How remote endpoints are reached: the rules every reader of the registry's endpoints follows (the federated endpoint too). */
  remote: { allowPrivate: boolean; timeoutMs: number };
}

export function createPointDiscovery(store: Store, o: DiscoveryOptions = {}): Discovery {
  const remote = { allowPrivate: o.allowPrivate ?? false, timeoutMs: o.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS };
  const fetch = o.fetchServices ?? remoteServiceLists(remote);
  const timing = {
    ...(o.servicesTtlMs !== undefined && { ttlMs: o.servicesTtlMs }),
    ...(o.now !== undefined && { now: o.now }),
  };
  const cache = new ServiceListCache({ fetch, ...timing, ...(o.failureTtlMs !== undefined && { failureTtlMs: o.failureTtlMs }) });
  const lists = new ServiceLists(store, cache, timing);
  return { points: new PointDiscovery(store, lists), lists, remote };
}
