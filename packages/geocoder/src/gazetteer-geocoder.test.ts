import { describe, expect, it } from 'vitest';
import type { GazetteerAddress, GazetteerStreet } from '@o311/store';
import { GazetteerGeocoder, SCORES, type GazetteerSearch } from './gazetteer-geocoder.js';
import { addressRow, gazetteerContent, streetRow } from './gazetteer-rows.js';
import { GeocoderError } from './errors.js';
import { MAX_QUERY_LENGTH } from './geocoder.js';

/** The store's searches over arrays (the store's own behaviour is proved by its contract suite). */
function memoryGazetteer(addresses: GazetteerAddress[], streets: GazetteerStreet[]): GazetteerSearch {
  return {
    findAddresses: async ({ street_keys, number, limit }) => addresses.filter((a) => street_keys.includes(a.street_key) && a.number === number).slice(0, limit),
    numberNeighbours: async ({ street_key, number }) => {
      const on = addresses.filter((a) => a.street_key === street_key).sort((a, b) => a.number - b.number);
      const below = on.filter((a) => a.number < number).at(-1)?.number;
      const above = on.find((a) => a.number > number)?.number;
      return { below: on.filter((a) => a.number === below), above: on.filter((a) => a.number === above) };
    },
    findStreets: async ({ prefix, limit }) =>
      streets.filter((s) => s.street_key.startsWith(prefix)).sort((a, b) => a.street_key.length - b.street_key.length).slice(0, limit),
  };
}

const must = <T>(v: T | string): T => {
  if (typeof v === 'string') throw new Error(v);
  return v;
};

const A = (number: string, street: string, lat: number, long: number) => must(addressRow({ number, street, lat, long }));

const content = gazetteerContent(
  [
    A('100', 'Main St', 41.0, -93.0), A('110', 'Main St', 41.0, -93.001), A('200', 'Main St', 41.0, -93.01),
    A('200', 'Main St', 41.0, -92.99), A('12', 'Maple St', 41.1, -93.0), A('7', 'Calle Mayor', 40.4, -3.7),
    A('10', 'Two Way St', 42, 0.001), A('10', 'Two Way St', 42, -0.001), A('30', 'Two Way St', 42, 0.003), A('30', 'Two Way St', 42, -0.003),
  ],
  [must(streetRow({ name: 'Main Street Extension', lat: 41.2, long: -93.2 }))],
);
const geocoder = new GazetteerGeocoder(memoryGazetteer([...content.addresses], [...content.streets]));
const search = (text: string, limit?: number) => geocoder.search({ text, jurisdiction_id: 'j', ...(limit !== undefined && { limit }) });

describe('GazetteerGeocoder', () => {
  it('finds an address point, typed any way', async () => {
    for (const text of ['110 Main St', '110 MAIN STREET, Riverton', '110 main st.']) {
      const [first] = await search(text);
      expect(first).toMatchObject({ label: '110 Main St', lat: 41.0, long: -93.001, kind: 'address', score: SCORES.address, source: 'gazetteer' });
    }
  });

  it('gives every point of an ambiguous address', async () => {
    const found = await search('200 Main St');
    expect(found.filter((c) => c.kind === 'address').map((c) => c.long).sort((a, b) => a - b)).toEqual([-93.01, -92.99]);
  });

  it('places a missing number between its neighbours', async () => {
    const [first] = await search('150 Main St');
    expect(first).toMatchObject({ label: '150 Main St', kind: 'interpolated', lat: 41.0 });
    expect(first?.long).toBeCloseTo(-93.001 + (-93.01 + 93.001) * (40 / 90), 6);
  });

  it('interpolates on each side of a street numbered both ways from its middle', async () => {
    const found = await search('20 Two Way St');
    expect(found.map((c) => [c.kind, c.long]).sort()).toEqual([['interpolated', -0.002], ['interpolated', 0.002]]);
  });

  it('falls back to the street when no number is near', async () => {
    const [first] = await search('9000 Maple St');
    expect(first).toMatchObject({ label: 'Maple St', kind: 'street' });
  });

  it('finds streets by the start of their name, exact ones first', async () => {
    const found = await search('Main');
    expect(found.map((c) => c.label)).toEqual(['Main St', 'Main Street Extension']);
    expect(found.every((c) => c.kind === 'street')).toBe(true);
  });

  it('reads Spanish word order', async () => {
    expect((await search('C/ Mayor, 7'))[0]).toMatchObject({ label: '7 Calle Mayor', kind: 'address' });
  });

  it('answers nothing for an unknown street, and honours the limit', async () => {
    expect(await search('12 Nowhere Rd')).toEqual([]);
    expect(await search('Ma', 1)).toHaveLength(1);
  });

  it('refuses an empty, too long or controlled query', async () => {
    for (const text of [' ', 'x'.repeat(MAX_QUERY_LENGTH + 1), 'a\u0000b']) {
      await expect(search(text)).rejects.toBeInstanceOf(GeocoderError);
    }
    await expect(search('Main', 0)).rejects.toMatchObject({ kind: 'bad-query' });
  });
});

describe('gazetteer rows', () => {
  it('says why a row is refused', () => {
    expect(addressRow({ number: '', street: 'Main St', lat: 1, long: 1 })).toBe('house number is missing');
    expect(addressRow({ number: 'abc', street: 'Main St', lat: 1, long: 1 })).toMatch(/does not start with digits/);
    expect(addressRow({ number: '1', street: ' ', lat: 1, long: 1 })).toBe('street is missing');
    expect(addressRow({ number: '1', street: 'Main', lat: 91, long: 1 })).toMatch(/lat/);
    expect(addressRow({ number: '1', street: 'Main', lat: 1, long: NaN })).toMatch(/long/);
    expect(streetRow({ name: '--', lat: 1, long: 1 })).toMatch(/no letters/);
    expect(addressRow({ number: '12-14', street: 'Main', lat: 1, long: 1 })).toMatchObject({ number: 12, number_text: '12-14' });
  });

  it('gives each street named only by addresses a point of its own, once per street', () => {
    const streets = content.streets.map((s) => s.name).sort();
    expect(streets).toEqual(['Calle Mayor', 'Main St', 'Main Street Extension', 'Maple St', 'Two Way St']);
    expect(content.streets.find((s) => s.name === 'Main St')).toMatchObject({ lat: 41.0 });
  });
});
