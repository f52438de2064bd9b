/**
 * Seeding the discovery registry from the CLI (`o311 discovery seed`, and
 * `serve --demo` on an empty registry): the real boundaries and servers of
 * @o311/discovery, and with `demo` the demo's county, state and federal
 * jurisdictions and the local endpoints of all four demo tiers.
 */
import type { SeedReport, SeedTally } from '@o311/discovery';
import type { Store } from '@o311/store';

export interface DiscoverySeedOptions {
  demo: boolean;
  overwrite: boolean;
}

export interface DiscoverySeedResult {
  registry: SeedReport;
  /** Jurisdictions and services the demo added (with `demo`). */
  region?: { jurisdictions: number; services: number };
  seconds: number;
}

export async function seedDiscovery(store: Store, o: DiscoverySeedOptions): Promise<DiscoverySeedResult> {
  const started = performance.now();
  const { seedRegistry } = await import('@o311/discovery');
  if (!o.demo) return { registry: await seedRegistry(store, { overwrite: o.overwrite }), seconds: (performance.now() - started) / 1000 };
  const { demoRegistry, seedDemoRegion } = await import('@o311/demo');
  const region = await seedDemoRegion(store);
  const registry = await seedRegistry(store, { extra: demoRegistry(), overwrite: o.overwrite });
  return { registry, region, seconds: (performance.now() - started) / 1000 };
}

const count = (n: number): string => n.toLocaleString('en-US');

function describeTally(what: string, t: SeedTally): string {
  const parts = [`${count(t.added)} added`];
  if (t.updated > 0) parts.push(`${count(t.updated)} replaced`);
  if (t.kept > 0) parts.push(`${count(t.kept)} kept as edited (--overwrite replaces them)`);
  parts.push(`${count(t.unchanged)} already seeded`);
  return `${what}: ${parts.join(', ')}`;
}

/** e.g. `boundaries: 3,556 added, 0 already seeded` and the endpoints' line. */
export function describeSeed(r: DiscoverySeedResult): string[] {
  const lines = [describeTally('boundaries', r.registry.boundaries), describeTally('endpoints', r.registry.endpoints)];
  if (r.region) lines.push(`demo jurisdictions: ${r.region.jurisdictions} added with ${r.region.services} services`);
  return lines;
}
