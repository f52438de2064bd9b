/**
 * The registry seed on both dialects (issue 10, item 3): real boundaries and
 * the open311.org servers, found again by point lookups; a second run changes
 * nothing; edits are kept unless overwritten; random interior points of
 * random seeded polygons are found after the round trip through the store.
 */
import fc from 'fast-check';
import pointInPolygon from 'point-in-polygon-hao';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from '@o311/georeport';
import { openStore, type Boundary, type Store } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { BoundaryIndex } from '../src/boundary-index.js';
import { RegistryLookup } from '../src/registry-lookup.js';
import { registrySeed, seedRegistry } from '../src/seed.js';

const inside = (point: number[], polygon: Polygon): boolean => pointInPolygon(point, polygon as unknown as number[][][]) !== false;

describe('the seed data', () => {
  const seed = registrySeed();

  it('holds the states, counties and countries, and every server of the list with the boundary of its city', () => {
    const tier = (t: string) => seed.boundaries.filter((b) => b.tier === t).length;
    expect(tier('state')).toBe(56);
    expect(tier('county')).toBeGreaterThan(3_200);
    expect(tier('nation')).toBeGreaterThan(230);
    expect(new Set(seed.boundaries.map((b) => b.id)).size).toBe(seed.boundaries.length);
    expect(seed.endpoints).toHaveLength(31);
    const ids = new Set(seed.boundaries.map((b) => b.id));
    for (const e of seed.endpoints) expect(ids.has(e.boundary_id!), e.slug).toBe(true);
  });

  it('turns the list entries into endpoints: status, formats from the evidence, quirk profile, notes', () => {
    const bySlug = new Map(seed.endpoints.map((e) => [e.slug, e]));
    expect(bySlug.get('toronto-on')).toMatchObject({
      name: 'Toronto, ON', tier: 'city', country: 'CA', base_url: 'https://secure.toronto.ca/webwizard/ws/', jurisdiction_id: 'toronto.ca',
      discovery_url: 'https://secure.toronto.ca/open311test/discovery.json', local: false, formats: ['xml', 'json'], status: 'production',
      boundary_id: 'city-toronto-on', quirks: 'toronto',
    });
    expect(bySlug.get('toronto-on')!.notes).toMatch(/^rejects ISO timestamps with milliseconds .* Test server: https:\/\/secure\.toronto\.ca\/open311test\/ws\/ .*not verified live\.$/);
    expect(bySlug.get('quebec-qc')).toMatchObject({ status: 'test', formats: ['xml'] });
    // "**xml only** (S: "JSON endpoint returns non-standard objects")": the parenthesis is who saw what.
    expect(bySlug.get('royal-borough-of-greenwich')).toMatchObject({ formats: ['xml'], country: 'GB' });
    expect(bySlug.get('rostock')).toMatchObject({ formats: ['json', 'xml'], country: 'DE' });
    expect(bySlug.get('zaragoza')).toMatchObject({ formats: ['xml'], status: 'test' });
    expect([...bySlug.keys()]).toEqual(expect.arrayContaining(['koln-cologne', 'giessen', 'zurich', 'lamia', 'chicago-il', 'washington-dc']));
  });

  it('says which city boundaries are approximate and where they lie; city-counties keep their real polygon', () => {
    const byId = new Map(seed.boundaries.map((b) => [b.id, b]));
    expect(byId.get('city-chicago-il')).toMatchObject({ tier: 'city', approximate: true, source: expect.stringMatching(/^approximate: .*589 km².* in Cook, Illinois/) });
    expect(byId.get('city-helsinki')).toMatchObject({ approximate: true, source: expect.stringContaining('in Finland') });
    const sf = byId.get('city-san-francisco-ca')!;
    expect(sf).toMatchObject({ tier: 'city', approximate: false, source: expect.stringContaining('San Francisco, California, which is the city itself') });
    expect(sf.geometry).toEqual(byId.get('us-county-06075')!.geometry);
  });

  it('sizes an approximate city as a circle of its area', () => {
    const chicago = seed.boundaries.find((b) => b.id === 'city-chicago-il')!;
    const ring = chicago.geometry[0]![0]!;
    const [minLong, minLat, maxLong, maxLat] = [0, 1, 0, 1].map((axis, i) => (i < 2 ? Math.min : Math.max)(...ring.map((p) => p[axis]!)));
    const kmNorthSouth = (maxLat! - minLat!) * 111.32;
    const kmEastWest = (maxLong! - minLong!) * 111.32 * Math.cos((41.8837 * Math.PI) / 180);
    const expected = 2 * Math.sqrt(589 / Math.PI);
    expect(kmNorthSouth).toBeCloseTo(expected, 0);
    expect(kmEastWest).toBeCloseTo(expected, 0);
  });
});

describe.each(dialects)('seedRegistry on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let index: BoundaryIndex<Boundary>;
  let first: Awaited<ReturnType<typeof seedRegistry>>;

  beforeAll(async () => {
    db = await freshUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    first = await seedRegistry(store, { at: 1_000 });
    index = new BoundaryIndex(await store.listBoundaries());
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
  });

  const covering = (lat: number, long: number) => index.covering(long, lat).map((b) => b.id);
  const lookup = async (lat: number, long: number) => (await new RegistryLookup(store).lookup(long, lat)).map((h) => `${h.endpoint.slug}@${h.boundary.id}`);

  it('saves every boundary and endpoint', async () => {
    const seed = registrySeed();
    expect(first.boundaries).toEqual({ added: seed.boundaries.length, updated: 0, kept: 0, unchanged: 0 });
    expect(first.endpoints).toEqual({ added: 31, updated: 0, kept: 0, unchanged: 0 });
    expect((await store.listBoundaries()).length).toBe(seed.boundaries.length);
    expect((await store.listEndpoints({ limit: 1000, offset: 0 })).length).toBe(31);
  });

  it.each([
    ['Des Moines', 41.5868, -93.625, [], ['us-county-19153', 'us-state-19', 'country-840']],
    ['Chicago', 41.8781, -87.6298, ['chicago-il@city-chicago-il'], ['city-chicago-il', 'us-county-17031', 'us-state-17', 'country-840']],
    ['Toronto', 43.6532, -79.3832, ['toronto-on@city-toronto-on'], ['city-toronto-on', 'country-124']],
    ['Helsinki', 60.1699, 24.9384, ['helsinki@city-helsinki'], ['city-helsinki', 'country-246']],
    ['Sydney', -33.8688, 151.2093, [], ['country-036']],
    ['the mid-Atlantic', 30, -40, [], []],
  ])('%s: endpoints and seeded boundaries', async (_, lat, long, endpoints, boundaries) => {
    expect(await lookup(lat, long)).toEqual(endpoints);
    expect(covering(lat, long)).toEqual(boundaries);
  });

  it('names the countries and keeps a territory that shares its code inside its country', async () => {
    expect(await store.getBoundary('country-036')).toMatchObject({ name: 'Australia', tier: 'nation', approximate: false });
    expect((await store.getBoundary('country-840'))?.name).toBe('United States of America');
  });

  it('changes nothing when run again', async () => {
    const revision = await store.registryRevision();
    const again = await seedRegistry(store, { at: 2_000 });
    expect(again.boundaries).toEqual({ added: 0, updated: 0, kept: 0, unchanged: first.boundaries.added });
    expect(again.endpoints).toEqual({ added: 0, updated: 0, kept: 0, unchanged: 31 });
    expect(await store.registryRevision()).toBe(revision);
    expect((await store.getEndpoint('toronto-on'))?.updated_at).toBe(1_000);
    expect((await store.listEndpoints({ limit: 1000, offset: 0 })).length).toBe(31);
  });

  it('keeps an edited entry unless asked to overwrite it, and puts back what was deleted', async () => {
    const toronto = (await store.getEndpoint('toronto-on'))!;
    await store.saveEndpoint({ ...toronto, notes: 'checked by an admin' });
    await store.deleteEndpoint('helsinki');
    const kept = await seedRegistry(store);
    expect(kept.endpoints).toEqual({ added: 1, updated: 0, kept: 1, unchanged: 29 });
    expect((await store.getEndpoint('toronto-on'))?.notes).toBe('checked by an admin');
    const overwritten = await seedRegistry(store, { overwrite: true });
    expect(overwritten.endpoints).toEqual({ added: 0, updated: 1, kept: 0, unchanged: 30 });
    expect((await store.getEndpoint('toronto-on'))?.notes).toBe(toronto.notes);
  });

  it('finds random interior points of random seeded polygons', () => {
    const all = registrySeed().boundaries;
    let found = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.integer({ min: 0, max: 1_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (which, part, u, v) => {
        const b = all[which]!;
        const polygon = b.geometry[part % b.geometry.length]!;
        const xs = polygon[0]!.map((p) => p[0]);
        const ys = polygon[0]!.map((p) => p[1]);
        const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        // Walk a line across the polygon's box until the oracle says a point of it is inside this polygon.
        for (let k = 0; k < 64; k++) {
          const t = (u + k * 0.618_033_988_75) % 1;
          const point = [minX + t * (maxX - minX), minY + ((v + k * 0.414_213_562_37) % 1) * (maxY - minY)];
          if (!inside(point, polygon)) continue;
          expect(covering(point[1]!, point[0]!)).toContain(b.id);
          found++;
          return;
        }
      }),
      { numRuns: 300 },
    );
    // Only a sliver of a polygon (a thin island) may miss all 64 tries.
    expect(found).toBeGreaterThan(270);
  });
});
