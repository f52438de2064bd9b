/**
 * `o311 discovery seed`: the registry's real starting content. The US states
 * and counties and the world's countries (atlas-boundaries.ts), the servers
 * of the open311.org list with their cities' boundaries (seed-servers.ts),
 * and whatever the caller adds (the demo's jurisdictions).
 *
 * Idempotent: what is missing is added, what equals the seed is left alone
 * (no write at all when nothing is missing, so the registry revision does not
 * move), and what differs from the seed (edited by an admin) is kept unless
 * `overwrite` is asked. The boundaries are saved in one transaction (all or
 * none); the endpoints after them, one transaction each, so a failure among
 * the endpoints leaves the boundaries and the endpoints saved before it, and
 * the next run adds the rest.
 */
import type { Endpoint, NewBoundary, NewEndpoint, RegistryStore } from '@o311/store';
import { usBoundaries, worldBoundaries, type AtlasBoundary } from './atlas-boundaries.js';
import { Atlas, serverSeed, type SeedEntries } from './seed-servers.js';

export type { SeedEntries } from './seed-servers.js';

export interface SeedOptions {
  /** More boundaries and endpoints to seed with the rest (their boundaries in the same transaction). */
  extra?: SeedEntries;
  /** Replace what differs from the seed (default: keep it). */
  overwrite?: boolean;
  at?: number;
}

export interface SeedTally {
  added: number;
  /** Differed from the seed and replaced (`overwrite`). */
  updated: number;
  /** Differed from the seed and kept. */
  kept: number;
  unchanged: number;
}

export interface SeedReport {
  boundaries: SeedTally;
  endpoints: SeedTally;
}

/** The real boundaries, the servers and their cities: what `o311 discovery seed` saves. */
export function registrySeed(): SeedEntries {
  const atlas: AtlasBoundary[] = [...usBoundaries(), ...worldBoundaries()];
  const servers = serverSeed(new Atlas(atlas));
  const boundaries: NewBoundary[] = atlas.map((b) => ({ id: b.id, name: b.name, tier: b.tier, source: b.source, approximate: false, geometry: b.geometry }));
  return { boundaries: [...boundaries, ...servers.boundaries], endpoints: servers.endpoints };
}

const sameBoundary = (a: NewBoundary, b: NewBoundary): boolean =>
  a.name === b.name && a.tier === b.tier && a.source === b.source && a.approximate === b.approximate &&
  JSON.stringify(a.geometry) === JSON.stringify(b.geometry);

const ENDPOINT_FIELDS = [
  'name', 'tier', 'country', 'base_url', 'discovery_url', 'jurisdiction_id', 'local', 'api_key_url', 'terms_url',
  'contact_email', 'status', 'boundary_id', 'quirks', 'notes',
] as const satisfies readonly (keyof NewEndpoint)[];

const sameEndpoint = (a: NewEndpoint, b: Endpoint): boolean =>
  ENDPOINT_FIELDS.every((f) => a[f] === b[f]) && JSON.stringify(a.formats) === JSON.stringify(b.formats);

const tally = (): SeedTally => ({ added: 0, updated: 0, kept: 0, unchanged: 0 });

/** Which of `wanted` to save, counted into `t`. */
function toSave<T>(wanted: readonly T[], stored: (w: T) => { exists: boolean; same: boolean }, overwrite: boolean, t: SeedTally): T[] {
  const out: T[] = [];
  for (const w of wanted) {
    const { exists, same } = stored(w);
    if (!exists) t.added++;
    else if (same) t.unchanged++;
    else if (overwrite) t.updated++;
    else t.kept++;
    if (!exists || (!same && overwrite)) out.push(w);
  }
  return out;
}

/** Seeds the registry (see the file's comment); what it added, replaced, kept and found as seeded. */
export async function seedRegistry(store: RegistryStore, options: SeedOptions = {}): Promise<SeedReport> {
  const seed = registrySeed();
  const boundaries = [...seed.boundaries, ...(options.extra?.boundaries ?? [])];
  const endpoints = [...seed.endpoints, ...(options.extra?.endpoints ?? [])];
  const overwrite = options.overwrite ?? false;
  const at = options.at ?? Date.now();
  const report: SeedReport = { boundaries: tally(), endpoints: tally() };

  const storedBoundaries = new Map((await store.listBoundaries()).map((b) => [b.id, b]));
  const newBoundaries = toSave(boundaries, (b) => {
    const s = storedBoundaries.get(b.id);
    return { exists: s !== undefined, same: s !== undefined && sameBoundary(b, s) };
  }, overwrite, report.boundaries);
  if (newBoundaries.length > 0) await store.saveBoundaries(newBoundaries, at);

  const storedEndpoints = await Promise.all(endpoints.map((e) => store.getEndpoint(e.slug)));
  const bySlug = new Map(storedEndpoints.filter((e): e is Endpoint => e !== undefined).map((e) => [e.slug, e]));
  const newEndpoints = toSave(endpoints, (e) => {
    const s = bySlug.get(e.slug);
    return { exists: s !== undefined, same: s !== undefined && sameEndpoint(e, s) };
  }, overwrite, report.endpoints);
  for (const e of newEndpoints) await store.saveEndpoint(e, at);
  return report;
}
