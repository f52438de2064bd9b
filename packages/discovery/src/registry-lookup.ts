/**
 * Point lookups over the registry: every endpoint whose boundary covers a
 * point, smallest tier first. The boundaries are indexed in memory; the index
 * is rebuilt when the registry's revision moves, which is checked only when
 * the store's data version moved (cheap, read on every lookup), so a change
 * made by any process on the database is seen by the next lookup.
 */
import type { MultiPolygon, Tier } from '@o311/georeport';
import type { BoundarySummary, Endpoint, RegistryStore, Store } from '@o311/store';
import { BoundaryIndex } from './boundary-index.js';

export interface LookupHit {
  endpoint: Endpoint;
  boundary: BoundarySummary;
}

export interface LookupOptions {
  tier?: Tier;
  /** Retired endpoints are left out unless asked for. */
  includeRetired?: boolean;
}

type RegistrySource = RegistryStore & Pick<Store, 'dataVersion'>;

interface Snapshot {
  dataVersion: string;
  revision: number;
  index: BoundaryIndex<BoundarySummary & { geometry: MultiPolygon }>;
  /** Per boundary id: its endpoints, by name. */
  endpoints: Map<string, Endpoint[]>;
}

const ALL_ENDPOINTS = 100_000;

export class RegistryLookup {
  readonly #store: RegistrySource;
  #snapshot: Snapshot | undefined;
  #building: Promise<Snapshot> | undefined;

  constructor(store: RegistrySource) {
    this.#store = store;
  }

  /** The endpoints that cover the point; `[]` for a point no boundary covers. */
  async lookup(long: number, lat: number, options: LookupOptions = {}): Promise<LookupHit[]> {
    const snapshot = await this.#current();
    const hits: LookupHit[] = [];
    for (const covering of snapshot.index.covering(long, lat)) {
      if (options.tier !== undefined && covering.tier !== options.tier) continue;
      const { geometry: _, ...boundary } = covering;
      for (const endpoint of snapshot.endpoints.get(covering.id) ?? []) {
        if (endpoint.status === 'retired' && !options.includeRetired) continue;
        hits.push({ endpoint, boundary });
      }
    }
    return hits;
  }

  /** How many boundaries the index holds (after bringing it up to date). */
  async size(): Promise<number> {
    return (await this.#current()).index.size;
  }

  async #current(): Promise<Snapshot> {
    const dataVersion = await this.#store.dataVersion();
    if (this.#snapshot?.dataVersion === dataVersion) return this.#snapshot;
    // A rebuild begun before this call may have read the registry before the change this version
    // shows: let it end, then share one that begins after it.
    const earlier = this.#building;
    if (earlier) await earlier.catch(() => undefined);
    if (this.#snapshot?.dataVersion === dataVersion) return this.#snapshot;
    this.#building ??= this.#refresh(dataVersion, this.#snapshot).finally(() => (this.#building = undefined));
    return this.#building;
  }

  async #refresh(dataVersion: string, known: Snapshot | undefined): Promise<Snapshot> {
    const revision = await this.#store.registryRevision();
    if (known && known.revision === revision) {
      this.#snapshot = { ...known, dataVersion };
      return this.#snapshot;
    }
    const [boundaries, endpoints] = await Promise.all([
      this.#store.listBoundaries(),
      this.#store.listEndpoints({ limit: ALL_ENDPOINTS, offset: 0 }),
    ]);
    const byBoundary = new Map<string, Endpoint[]>();
    for (const e of endpoints) {
      if (e.boundary_id === null) continue;
      byBoundary.set(e.boundary_id, [...(byBoundary.get(e.boundary_id) ?? []), e]);
    }
    // Only boundaries some endpoint serves can answer a lookup.
    const served = boundaries.filter((b) => byBoundary.has(b.id));
    this.#snapshot = { dataVersion, revision, index: new BoundaryIndex(served), endpoints: byBoundary };
    return this.#snapshot;
  }
}
