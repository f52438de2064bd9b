/** Riverton's neighbourhood outlines: a partition of the city, and the seeder's points fall in their own neighbourhood's. */
import { describe, expect, it } from 'vitest';
import { openStore } from '@o311/store';
import { DEMO_JURISDICTION, NEIGHBOURHOODS, Random, neighbourhoodAreas, seedDemoAreas } from '../src/index.js';
import { placeAtIntersection, placeInPark, placeOnStreet } from '../src/city.js';

/** Ray casting over one ring. */
function inside(ring: readonly number[][], long: number, lat: number): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > lat !== yj! > lat && long < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) hit = !hit;
  }
  return hit;
}

describe('neighbourhood areas', () => {
  const areas = neighbourhoodAreas();
  const areaOf = (lat: number, long: number) => areas.filter((a) => inside(a.geometry[0]![0]!, long, lat)).map((a) => a.id);

  it('gives each neighbourhood one closed outline with a URL-safe id', () => {
    expect(areas.map((a) => a.name)).toEqual(NEIGHBOURHOODS.map((h) => h.name));
    expect(areas.map((a) => a.id)).toContain('old-mill-district');
    for (const a of areas) {
      expect(a.id).toMatch(/^[a-z0-9-]+$/);
      const ring = a.geometry[0]![0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });

  it('places the seeder points of each neighbourhood in its own outline, never in two', () => {
    const rng = new Random(13);
    let own = 0, total = 0, parksOwn = 0, parks = 0;
    for (const [i, h] of NEIGHBOURHOODS.entries()) {
      for (let n = 0; n < 400 * h.weight; n++) {
        const p = n % 10 === 0 ? placeAtIntersection(rng, h) : placeOnStreet(rng, h);
        const found = areaOf(p.lat, p.long);
        expect(found.length).toBeLessThanOrEqual(1);
        total++;
        if (found[0] === areas[i]!.id) own++;
      }
      for (let n = 0; n < 50; n++) {
        const p = placeInPark(rng, h);
        parks++;
        if (areaOf(p.lat, p.long)[0] === areas[i]!.id) parksOwn++;
      }
    }
    console.log(`own neighbourhood: ${(100 * own / total).toFixed(1)} % of ${total} street points, ${(100 * parksOwn / parks).toFixed(1)} % of ${parks} park points`);
    expect(own / total).toBeGreaterThan(0.9);
  });

  it("sets them as the areas of Riverton's dashboard source, called neighbourhoods", async () => {
    const store = await openStore('sqlite::memory:');
    try {
      await store.migrate();
      await seedDemoAreas(store, Date.UTC(2026, 0, 1));
      const id = `local:${DEMO_JURISDICTION.id}`;
      expect(await store.dashboard.getSource(id)).toMatchObject({ area_label: 'Neighbourhood', timezone: DEMO_JURISDICTION.timezone, synced_at: null });
      expect(await store.dashboard.listAreas(id)).toEqual(areas.map((a) => ({ id: a.id, name: a.name })));
    } finally {
      await store.close();
    }
  });
});
