/**
 * What covers a point: every registry endpoint whose boundary holds it,
 * smallest tier first (RegistryLookup from @o311/discovery), as the lookup
 * and services documents of the discovery API. Used by the routes and by
 * `o311 discover`.
 */
import type { Format, LocatedEndpoint, LookupAnswer, OfferedService, PointServices, Tier, UnavailableEndpoint } from '@o311/georeport';
import { RegistryLookup, type LookupHit } from '@o311/discovery';
import type { Endpoint, Store } from '@o311/store';
import type { CachedAnswer } from '../http/read-cache.js';
import { LookupDocuments } from './lookup-documents.js';
import type { ServiceListResult } from './service-list-cache.js';
import type { ServiceLists } from './service-lists.js';
import { wireEndpoint } from './wire.js';

export interface Point {
  lat: number;
  long: number;
}

export interface LookupQuery {
  tier?: Tier;
  /** With each endpoint's service list. */
  services?: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export class PointDiscovery {
  readonly #lookup: RegistryLookup;
  readonly #lists: ServiceLists;
  /** The registry's endpoint objects stay the same until the registry changes: each is turned into its document once. */
  readonly #located = new WeakMap<Endpoint, LocatedEndpoint>();
  readonly #documents = new LookupDocuments();

  constructor(store: Store, lists: ServiceLists) {
    this.#lookup = new RegistryLookup(store);
    this.#lists = lists;
  }

  /** The registry's lookup behind these documents (the web page groups its hits itself). */
  get registry(): RegistryLookup {
    return this.#lookup;
  }

  async lookup(point: Point, q: LookupQuery = {}): Promise<LookupAnswer> {
    const hits = await this.#lookup.lookup(point.long, point.lat, q.tier === undefined ? {} : { tier: q.tier });
    const located = hits.map((h) => this.#locatedOf(h));
    if (!q.services) return { endpoints: located };
    const lists = await Promise.all(hits.map((h) => this.#lists.of(h.endpoint)));
    return { endpoints: located.map((e, i) => withServices(e, lists[i]!)) };
  }

  /** The union of every tier's services at the point: "who fixes this here?" */
  async services(point: Point): Promise<PointServices> {
    const hits = await this.#lookup.lookup(point.long, point.lat);
    const lists = await Promise.all(hits.map((h) => this.#lists.of(h.endpoint)));
    const services: OfferedService[] = [];
    const unavailable: UnavailableEndpoint[] = [];
    hits.forEach(({ endpoint }, i) => {
      const list = lists[i]!;
      if (list.services === undefined) {
        unavailable.push({ endpoint: endpoint.slug, tier: endpoint.tier, services_error: list.error ?? 'unknown' });
        return;
      }
      for (const s of list.services) services.push({ ...s, endpoint: endpoint.slug, endpoint_name: endpoint.name, tier: endpoint.tier });
    });
    return { services, unavailable };
  }

  /** The lookup answer without services, encoded (lookup-documents.ts). */
  async lookupAnswer(point: Point, tier: Tier | undefined, format: Format): Promise<CachedAnswer> {
    return this.#documents.encode((await this.lookup(point, tier === undefined ? {} : { tier })).endpoints, format);
  }

  #locatedOf(hit: LookupHit): LocatedEndpoint {
    let located = this.#located.get(hit.endpoint);
    if (located === undefined) {
      located = wireEndpoint(hit.endpoint, hit.boundary) as LocatedEndpoint;
      this.#located.set(hit.endpoint, located);
    }
    return located;
  }
}

function withServices(e: LocatedEndpoint, list: ServiceListResult): LocatedEndpoint {
  return {
    ...e,
    ...(list.services !== undefined && { services: list.services }),
    services_expires: iso(list.expires),
    ...(list.error !== undefined && { services_error: list.error }),
  };
}
