/**
 * What covers a spot, grouped by tier from the smallest (city) to the largest
 * (nation, world): the registry's endpoints (RegistryLookup from
 * @o311/discovery) with, when a source is given, each one's service list.
 */
import { tierRank, type Service, type Tier } from '@o311/georeport';
import type { RegistryLookup } from '@o311/discovery';
import type { BoundarySummary, Endpoint } from '@o311/store';
import type { SpotPoint } from './spot-query.js';

/** An endpoint's services, or why they could not be had. */
export interface ServiceListAnswer {
  services?: Service[];
  error?: string;
}

/** Never rejects for an endpoint that cannot answer: that is an `error`. */
export type ServiceListSource = (endpoint: Endpoint, locale: string) => Promise<ServiceListAnswer>;

export interface SpotEndpoint {
  endpoint: Endpoint;
  boundary: BoundarySummary;
  /** Absent without a service list source. */
  services?: ServiceListAnswer;
}

export interface TierGroup {
  tier: Tier;
  endpoints: SpotEndpoint[];
}

export class SpotLookup {
  readonly #registry: RegistryLookup;
  readonly #services: ServiceListSource | undefined;

  constructor(registry: RegistryLookup, services?: ServiceListSource) {
    this.#registry = registry;
    this.#services = services;
  }

  /** `locale`: the language of the service lists, where an endpoint has translations. */
  async at(point: SpotPoint, locale: string): Promise<TierGroup[]> {
    const hits = await this.#registry.lookup(point.long, point.lat);
    const source = this.#services;
    const lists = source ? await Promise.all(hits.map((h) => source(h.endpoint, locale))) : [];
    return groupByTier(hits.map((h, i) => ({ ...h, ...(lists[i] !== undefined && { services: lists[i] }) })));
  }
}

/** Consecutive runs of one tier, smallest tier first (the sort is stable: the lookup's order holds within a tier). */
export function groupByTier(found: readonly SpotEndpoint[]): TierGroup[] {
  const sorted = [...found].sort((a, b) => tierRank(a.endpoint.tier) - tierRank(b.endpoint.tier));
  const groups: TierGroup[] = [];
  for (const f of sorted) {
    const last = groups.at(-1);
    if (last?.tier === f.endpoint.tier) last.endpoints.push(f);
    else groups.push({ tier: f.endpoint.tier, endpoints: [f] });
  }
  return groups;
}
