/**
 * The discovery registry (issue 10): Open311 endpoints of every tier and the
 * boundaries they serve. Part of the {@link Store} contract; the discovery
 * package indexes the boundaries and answers point lookups. Times are epoch
 * milliseconds (UTC).
 */
import type { BBox, Format, MultiPolygon, Tier } from '@o311/georeport';

export const ENDPOINT_STATUSES = ['production', 'test', 'retired'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

export interface NewBoundary {
  /** Lower-case letters, digits and `-`, e.g. `us-county-19153`. */
  id: string;
  name: string;
  tier: Tier;
  /** Where the geometry comes from and under which licence. */
  source: string;
  /** Drawn by hand or guessed (a city with no polygon in any package), not surveyed. */
  approximate: boolean;
  geometry: MultiPolygon;
}

export interface Boundary extends NewBoundary {
  bbox: BBox;
  created_at: number;
  updated_at: number;
}

export type BoundarySummary = Omit<Boundary, 'geometry'>;

export interface EndpointCheck {
  at: number;
  ok: boolean;
  /** The validator's summary, e.g. `12 passed, 1 warning`. */
  summary: string;
}

export interface NewEndpoint {
  /** Lower-case letters, digits and `-`: the endpoint's name in URLs. */
  slug: string;
  name: string;
  tier: Tier;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** The GeoReport base URL (…/v2/); null for a jurisdiction this server serves. */
  base_url: string | null;
  discovery_url: string | null;
  jurisdiction_id: string | null;
  /** Served by this o311 server: looked up in the store, no HTTP needed. */
  local: boolean;
  formats: Format[];
  api_key_url: string | null;
  terms_url: string | null;
  contact_email: string | null;
  status: EndpointStatus;
  boundary_id: string | null;
  /** The client quirk profile to read it with (see @o311/client), if any. */
  quirks: string | null;
  notes: string;
}

export interface Endpoint extends NewEndpoint {
  created_at: number;
  updated_at: number;
  last_check: EndpointCheck | null;
}

export interface EndpointFilter {
  tier?: Tier;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  status?: EndpointStatus;
  /** In the name, slug or base URL, any case. */
  text?: string;
  /** Only this server's own endpoint of that jurisdiction (`local`). */
  local_jurisdiction?: string;
  limit: number;
  offset: number;
}

export interface RegistryStore {
  /** Inserts or replaces the boundary with this id. */
  saveBoundary(b: NewBoundary, at?: number): Promise<Boundary>;
  /** Saves them all in one transaction, or none (an import); the number saved. */
  saveBoundaries(list: readonly NewBoundary[], at?: number): Promise<number>;
  getBoundary(id: string): Promise<Boundary | undefined>;
  /** Every boundary with its geometry (the lookup index is built from them), by id. */
  listBoundaries(): Promise<Boundary[]>;
  /** False when unknown or while an endpoint is attached to it. */
  deleteBoundary(id: string): Promise<boolean>;
  /**
   * Boundaries whose name holds `text` (any case; wildcards literal): the
   * exact name first, then names that start with it, then the rest, by name.
   */
  findBoundaries(text: string, limit: number): Promise<BoundarySummary[]>;

  /** Inserts or replaces the endpoint with this slug (its last check is kept). */
  saveEndpoint(e: NewEndpoint, at?: number): Promise<Endpoint>;
  getEndpoint(slug: string): Promise<Endpoint | undefined>;
  /** By name, then slug. */
  listEndpoints(f: EndpointFilter): Promise<Endpoint[]>;
  deleteEndpoint(slug: string): Promise<boolean>;
  /** False when the endpoint is unknown. */
  recordEndpointCheck(slug: string, check: EndpointCheck): Promise<boolean>;

  /**
   * Moves on every change of endpoints or boundaries, in the change's own
   * transaction, whichever process made it: a lookup index is rebuilt when it moved.
   */
  registryRevision(): Promise<number>;
}
