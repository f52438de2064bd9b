/**
 * The read side of the federated GeoReport endpoint: the services of every
 * endpoint covering a point, service definitions and single requests read
 * through to their upstream (cached), and the fan-out search
 * (federated-search.ts). Names are namespaced by the owning endpoint's slug
 * (federated-ids.ts); partial answers name what is missing
 * (missing-endpoints.ts). Service lists and definitions are asked in the
 * caller's `locale` (locale.ts; kept per locale). Failures are the standard's
 * (Open311Failure), for the server to answer as it answers any GeoReport failure.
 */
import {
  badRequest, unknownJurisdiction, unknownRequest, unknownService, upstreamFailed,
  type OfferedService, type PublicRequest, type RequestsQuery, type ServiceDefinition,
} from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import { withDeadline } from './deadline.js';
import { federatedName, parseFederatedName, type FederatedName } from './federated-ids.js';
import { localeTag } from './locale.js';
import { searchRequests, type SearchAnswer, type SearchScope } from './federated-search.js';
import type { MissingEndpoint } from './missing-endpoints.js';
import { failureReason } from './read-failure.js';
import { TtlCache } from './ttl-cache.js';
import type { Federation, UpstreamReader } from './upstream.js';
import { federatedRequest } from './upstream-request.js';

export interface FederatedReaderOptions {
  /** Deadline of each upstream read; default 5 s, kept within 0.1–30 s. */
  timeoutMs?: number;
  /** GET requests without paging: the spec's cap, default 1000. */
  maxResults?: number;
  /** Most upstreams one search may ask; default 20. */
  maxUpstreams?: number;
  /** How long a service definition is kept; default one hour (a failure: one minute). */
  definitionTtlMs?: number;
  /** How long a single request is kept; default 30 s (failures are not kept). */
  requestTtlMs?: number;
  /** Most definitions and most single requests kept; default 5,000 each. */
  maxCached?: number;
  now?: () => number;
}

/** The service list at a point (or of one endpoint), and the endpoints whose lists could not be had. */
export interface FederatedServices {
  services: OfferedService[];
  missing: MissingEndpoint[];
}

export const NO_LOCATION =
  'The federated service list depends on where you are: send lat and long (decimal degrees, WGS 84), ' +
  'or jurisdiction_id naming one endpoint of the registry by its slug.';

const MINUTE = 60 * 1000;
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** What a read-through cache keeps: the upstream's answer, undefined for its 404. */
type Kept<T> = T | undefined;

export class FederatedReader {
  readonly #fed: Federation;
  readonly #timeoutMs: number;
  readonly #maxResults: number;
  readonly #maxUpstreams: number;
  readonly #definitions: TtlCache<string, Kept<ServiceDefinition>>;
  readonly #requests: TtlCache<string, Kept<PublicRequest>>;

  constructor(fed: Federation, o: FederatedReaderOptions = {}) {
    this.#fed = fed;
    this.#timeoutMs = clamp(o.timeoutMs ?? 5000, 100, 30_000);
    this.#maxResults = clamp(o.maxResults ?? 1000, 1, 1000);
    this.#maxUpstreams = clamp(o.maxUpstreams ?? 20, 1, 100);
    const maxEntries = clamp(o.maxCached ?? 5000, 1, 100_000);
    const now = o.now ?? Date.now;
    this.#definitions = new TtlCache({ ttlMs: o.definitionTtlMs ?? 60 * MINUTE, failureTtlMs: MINUTE, maxEntries, now });
    this.#requests = new TtlCache({ ttlMs: o.requestTtlMs ?? 30 * 1000, failureTtlMs: 0, maxEntries, now });
  }

  /**
   * GET services: one endpoint's services when the scope names its slug (unknown: 404), else those of
   * every endpoint covering the point, smallest tier first; neither: 400. In `locale` where the
   * endpoints translate them (locale.ts: a value that does not start with a known language is none).
   */
  async services(scope: SearchScope, locale?: string): Promise<FederatedServices> {
    const tag = localeTag(locale);
    let endpoints: Endpoint[];
    if (scope.slug !== undefined) endpoints = [await this.#known(scope.slug)];
    else if (scope.point !== undefined) endpoints = await this.#fed.covering(scope.point);
    else throw badRequest(NO_LOCATION);
    const lists = await Promise.all(endpoints.map((e) => this.#fed.serviceList(e, tag)));
    const services: OfferedService[] = [];
    const missing: MissingEndpoint[] = [];
    endpoints.forEach((e, i) => {
      const list = lists[i]!;
      if (list.services === undefined) {
        missing.push({ slug: e.slug, reason: list.error ?? 'no service list' });
        return;
      }
      for (const s of list.services) {
        services.push({ ...s, service_code: federatedName(e.slug, s.service_code), endpoint: e.slug, endpoint_name: e.name, tier: e.tier });
      }
    });
    return { services, missing };
  }

  /** GET service definition of `slug:CODE`, attribute codes as the upstream has them, texts in `locale` as for services(). */
  async serviceDefinition(name: string, locale?: string): Promise<ServiceDefinition> {
    const { endpoint, local } = await this.#owner(name, unknownService);
    const tag = localeTag(locale);
    const definition = await this.#readThrough(this.#definitions, endpoint, [tag ?? '', local], (reader) => reader.serviceDefinition(local, tag));
    if (definition === undefined) throw unknownService(name);
    return { service_code: name, attributes: definition.attributes };
  }

  /** GET service request `slug:ID`, read through to its upstream. */
  async request(id: string): Promise<PublicRequest> {
    const { endpoint, local } = await this.#owner(id, unknownRequest);
    const found = await this.#readThrough(this.#requests, endpoint, [local], (reader) => reader.request(local));
    if (found === undefined) throw unknownRequest(id);
    return federatedRequest(endpoint.slug, found);
  }

  /** GET requests, fanned out (federated-search.ts). */
  requests(q: RequestsQuery, scope: SearchScope): Promise<SearchAnswer> {
    return searchRequests(this.#fed, q, scope, {
      timeoutMs: this.#timeoutMs,
      maxResults: this.#maxResults,
      maxUpstreams: this.#maxUpstreams,
    });
  }

  async #known(slug: string): Promise<Endpoint> {
    const e = await this.#fed.endpoint(slug);
    if (e === undefined) throw unknownJurisdiction(slug);
    return e;
  }

  /** The endpoint owning a federated name; the name's own 404 when it has no slug or the slug is unknown. */
  async #owner(name: string, unknown: (name: string) => Error): Promise<{ endpoint: Endpoint } & FederatedName> {
    const parsed = parseFederatedName(name);
    const endpoint = parsed === undefined ? undefined : await this.#fed.endpoint(parsed.slug);
    if (parsed === undefined || endpoint === undefined) throw unknown(name);
    return { endpoint, ...parsed };
  }

  /**
   * Kept per endpoint version, so an edited endpoint (new address, new profile) is read again, and per
   * `what` (the upstream's name last: it alone may hold a line break).
   */
  async #readThrough<T>(
    cache: TtlCache<string, Kept<T>>,
    endpoint: Endpoint,
    what: readonly string[],
    read: (reader: UpstreamReader) => Promise<Kept<T>>,
  ): Promise<Kept<T>> {
    const key = [endpoint.slug, endpoint.updated_at, ...what].join('\n');
    try {
      return await cache.get(key, () => withDeadline(read(this.#fed.upstream(endpoint)), this.#timeoutMs));
    } catch (err) {
      throw upstreamFailed(endpoint.slug, failureReason(err));
    }
  }
}
