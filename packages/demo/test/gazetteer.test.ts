/** Riverton's gazetteer: generated the same every time, seeded with the city, and typed grid addresses found where the demo places them. */
import { GazetteerGeocoder } from '@o311/geocoder';
import { openStore, type Store } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { BLOCK_M, toLatLong } from '../src/city.js';
import { DEMO_JURISDICTION, demoGazetteer, seedDemoCity } from '../src/index.js';

it('is deterministic, with address points along every street and each street once', () => {
  const a = demoGazetteer();
  expect(demoGazetteer()).toEqual(a);
  expect(a.streets).toHaveLength(98);
  expect(new Set(a.streets.map((s) => s.street_key)).size).toBe(98);
  expect(a.addresses.length).toBeGreaterThan(30_000);
  expect(a.streets.find((s) => s.name === 'Main St')).toMatchObject(toLatLong(0, 0));
});

describe.each(dialects)('the seeded demo city on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await freshUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    await seedDemoCity(store, { requests: 10, now: Date.UTC(2026, 2, 1) });
  });
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
  });

  it('finds typed addresses on the grid', async () => {
    expect(await store.gazetteer.counts(DEMO_JURISDICTION.id)).toEqual({ addresses: demoGazetteer().addresses.length, streets: 98 });
    const geocoder = new GazetteerGeocoder(store.gazetteer);
    const search = (text: string) => geocoder.search({ text, jurisdiction_id: DEMO_JURISDICTION.id });
    // House number n stands 2n metres from City Hall, both ways; even numbers on the north side.
    const found = await search('226 Main St');
    expect(found.map((c) => [c.label, c.kind, c.lat, c.long])).toEqual(expect.arrayContaining([
      ['226 Main St', 'address', toLatLong(452, 10).lat, toLatLong(452, 10).long],
      ['226 Main St', 'address', toLatLong(-452, 10).lat, toLatLong(-452, 10).long],
    ]));
    const between = await search('212 main street');
    expect(between).toHaveLength(2);
    expect(between.every((c) => c.kind === 'interpolated' && Math.abs(c.lat - toLatLong(0, 0).lat) < 0.0002)).toBe(true);
    expect((await search('W 3rd Ave'))[0]).toMatchObject({ label: 'W 3rd Ave', kind: 'street', ...toLatLong(-3 * BLOCK_M, 0) });
    expect((await search('1200 Oak Street'))[0]).toMatchObject({ label: '1200 Oak St' });
  });
});
