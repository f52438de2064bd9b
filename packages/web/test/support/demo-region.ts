/**
 * The demo region as `serve --demo` seeds it, for the reporting-anywhere
 * tests: Riverton's county, state and federal jurisdictions with their
 * services, and the local registry endpoints of all four tiers. The nation's
 * boundary (the United States of the discovery seed) is a rough box here,
 * which is all a point in Riverton (e.g. CITY_HALL) needs.
 */
import { DEMO_NATION, NATION_BOUNDARY_ID, demoRegistry, seedDemoRegion } from '@o311/demo';
import type { Store } from '@o311/store';

export async function seedDemoRegistry(store: Store): Promise<void> {
  await seedDemoRegion(store);
  const { boundaries, endpoints } = demoRegistry();
  await store.saveBoundaries([
    ...boundaries,
    {
      id: NATION_BOUNDARY_ID, name: DEMO_NATION.name, tier: 'nation', source: 'a box around the contiguous United States, for tests', approximate: true,
      geometry: [[[[-125, 24], [-66, 24], [-66, 50], [-125, 50], [-125, 24]]]],
    },
  ]);
  for (const e of endpoints) await store.saveEndpoint(e);
}
