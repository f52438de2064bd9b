/**
 * The contract suite of the address gazetteer (gazetteer.ts, issue 14): the
 * same behaviour on SQLite and PostgreSQL, run by gazetteer.test.ts. Keys are
 * written as the geocoder would compute them (the store never normalizes).
 */
import { describe, expect, it } from 'vitest';
import type { GazetteerAddress, GazetteerStreet, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, withFreshStore } from './fixtures.js';

const address = (street_key: string, number: number, lat: number, long: number, over: Partial<GazetteerAddress> = {}): GazetteerAddress => ({
  street_key, street: street_key.replace('street', 'St'), number, number_text: String(number), unit: null, postcode: null, lat, long, ...over,
});
const street = (street_key: string, lat: number, long: number): GazetteerStreet => ({ street_key, name: street_key, lat, long });

export function runGazetteerContract(dialect: TestDialect): void {
  describe(`Gazetteer contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const g = () => store.gazetteer;

    it('replaces a jurisdiction\'s gazetteer and finds its addresses by street and number', async () => {
      const j = await addJurisdiction(store);
      const other = await addJurisdiction(store);
      await g().replace(other, { addresses: [address('main street', 100, 9, 9)], streets: [street('main street', 9, 9)] });
      const counts = await g().replace(j, {
        addresses: [
          address('main street', 100, 41, -93), address('main street', 100, 41, -92, { number_text: '100B', unit: '2', postcode: '50309' }),
          address('main street', 120, 41.1, -93), address('maple street', 100, 42, -93),
        ],
        streets: [street('main street', 41, -93.5), street('maple street', 42, -93), street('main street extension', 43, -93)],
      });
      expect(counts).toEqual({ addresses: 4, streets: 3 });
      expect(await g().counts(j)).toEqual({ addresses: 4, streets: 3 });
      const found = await g().findAddresses({ jurisdiction_id: j, street_keys: ['main street'], number: 100, limit: 10 });
      expect(found).toEqual([
        address('main street', 100, 41, -93),
        address('main street', 100, 41, -92, { number_text: '100B', unit: '2', postcode: '50309' }),
      ]);
      expect(await g().findAddresses({ jurisdiction_id: j, street_keys: ['main street', 'maple street'], number: 100, limit: 2 })).toHaveLength(2);
      expect(await g().findAddresses({ jurisdiction_id: j, street_keys: [], number: 100, limit: 5 })).toEqual([]);
      expect(await g().findAddresses({ jurisdiction_id: j, street_keys: ['main street'], number: 101, limit: 5 })).toEqual([]);
    });

    it('finds the neighbours of a missing number, every point of each', async () => {
      const j = await addJurisdiction(store);
      await g().replace(j, { addresses: [10, 20, 30, 40, 30].map((n, i) => address('oak street', n, n, i)), streets: [] });
      const n = await g().numberNeighbours({ jurisdiction_id: j, street_key: 'oak street', number: 25 });
      expect(n.below.map((a) => a.number)).toEqual([20]);
      expect(n.above.map((a) => [a.number, a.long]).sort()).toEqual([[30, 2], [30, 4]]);
      const end = await g().numberNeighbours({ jurisdiction_id: j, street_key: 'oak street', number: 45 });
      expect([end.below.map((a) => a.number), end.above]).toEqual([[40], []]);
      expect(await g().numberNeighbours({ jurisdiction_id: j, street_key: 'elm street', number: 5 })).toEqual({ below: [], above: [] });
    });

    it('finds streets by the start of their key, shortest first, within the jurisdiction', async () => {
      const j = await addJurisdiction(store);
      const other = await addJurisdiction(store);
      await g().replace(other, { addresses: [], streets: [street('main', 0, 0)] });
      await g().replace(j, {
        addresses: [],
        streets: [street('main street extension', 1, 1), street('maple street', 2, 2), street('main street', 3, 3), street('mains', 4, 4), street('mai', 5, 5), street('oak street', 6, 6)],
      });
      expect((await g().findStreets({ jurisdiction_id: j, prefix: 'main', limit: 10 })).map((s) => s.street_key))
        .toEqual(['mains', 'main street', 'main street extension']);
      expect((await g().findStreets({ jurisdiction_id: j, prefix: 'ma', limit: 2 })).map((s) => s.street_key)).toEqual(['mai', 'mains']);
      expect(await g().findStreets({ jurisdiction_id: j, prefix: 'main street', limit: 1 })).toEqual([street('main street', 3, 3)]);
      expect(await g().findStreets({ jurisdiction_id: j, prefix: '', limit: 5 })).toEqual([]);
      expect(await g().findStreets({ jurisdiction_id: j, prefix: 'zz', limit: 5 })).toEqual([]);
    });

    it('replaces the whole gazetteer in batches, and keeps the old one when the new one is refused', async () => {
      const j = await addJurisdiction(store);
      const many = Array.from({ length: 1234 }, (_, i) => address(`street ${i % 7}`, i, 40 + i / 10_000, -90));
      expect(await g().replace(j, { addresses: many, streets: [street('street 0', 40, -90)] })).toEqual({ addresses: 1234, streets: 1 });
      expect(await g().counts(j)).toEqual({ addresses: 1234, streets: 1 });
      await expect(g().replace(j, { addresses: [address('a', 1, 1, 1), address('b', 1, 95, 1)], streets: [] })).rejects.toThrow(/row 2.*lat/);
      await expect(g().replace(j, { addresses: [address('a', 1.5, 1, 1)], streets: [] })).rejects.toThrow(RangeError);
      await expect(g().replace(j, { addresses: [], streets: [street('x'.repeat(201), 1, 1)] })).rejects.toThrow(RangeError);
      await expect(g().replace(j, { addresses: [address('a\u0000b', 1, 1, 1)], streets: [] })).rejects.toThrow(RangeError);
      expect(await g().counts(j)).toEqual({ addresses: 1234, streets: 1 });
      await g().replace(j, { addresses: [address('new street', 1, 1, 1)], streets: [] });
      expect(await g().counts(j)).toEqual({ addresses: 1, streets: 0 });
      await g().replace(j, { addresses: [], streets: [] });
      expect(await g().counts(j)).toEqual({ addresses: 0, streets: 0 });
    });
  });
}
