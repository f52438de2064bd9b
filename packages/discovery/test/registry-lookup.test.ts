import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MultiPolygon, Tier } from '@o311/georeport';
import { openStore, type NewEndpoint, type Store } from '@o311/store';
import { RegistryLookup } from '../src/registry-lookup.js';

const square = (x: number, y: number, size: number): MultiPolygon => [[[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]];

const endpoint = (slug: string, tier: Tier, boundary_id: string, overrides: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug, name: slug, tier, country: 'US', base_url: `https://${slug}.example/open311/v2/`, discovery_url: null, jurisdiction_id: null,
  local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id, quirks: null,
  notes: '', ...overrides,
});

describe('RegistryLookup', () => {
  let dir: string;
  let store: Store;
  let other: Store;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'o311-lookup-'));
    store = await openStore(`sqlite:${join(dir, 'o311.db')}`);
    await store.migrate();
    other = await openStore(`sqlite:${join(dir, 'o311.db')}`);
    await store.saveBoundaries([
      { id: 'nation', name: 'Nation', tier: 'nation', source: 't', approximate: false, geometry: square(-20, -20, 40) },
      { id: 'state', name: 'State', tier: 'state', source: 't', approximate: false, geometry: square(-5, -5, 10) },
      { id: 'city', name: 'City', tier: 'city', source: 't', approximate: true, geometry: square(0, 0, 1) },
      { id: 'elsewhere', name: 'Elsewhere', tier: 'city', source: 't', approximate: false, geometry: square(10, 10, 1) },
    ]);
    await store.saveEndpoint(endpoint('nation-311', 'nation', 'nation'));
    await store.saveEndpoint(endpoint('state-311', 'state', 'state'));
    await store.saveEndpoint(endpoint('city-311', 'city', 'city'));
    await store.saveEndpoint(endpoint('city-old', 'city', 'city', { status: 'retired' }));
    await store.saveEndpoint(endpoint('floating', 'other', 'state', { boundary_id: null }));
  });
  afterAll(async () => {
    await other?.close();
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const slugs = async (lookup: RegistryLookup, long: number, lat: number, options = {}) =>
    (await lookup.lookup(long, lat, options)).map((h) => `${h.endpoint.slug}@${h.boundary.id}`);

  it('lists the endpoints of every boundary covering the point, smallest tier first, without retired ones', async () => {
    const lookup = new RegistryLookup(store);
    expect(await slugs(lookup, 0.5, 0.5)).toEqual(['city-311@city', 'state-311@state', 'nation-311@nation']);
    expect(await slugs(lookup, 0.5, 0.5, { includeRetired: true })).toEqual(['city-311@city', 'city-old@city', 'state-311@state', 'nation-311@nation']);
    expect(await slugs(lookup, 0.5, 0.5, { tier: 'state' })).toEqual(['state-311@state']);
    expect(await slugs(lookup, 15, 15)).toEqual(['nation-311@nation']);
    expect(await slugs(lookup, 100, 50)).toEqual([]);
    const [hit] = await lookup.lookup(0.5, 0.5);
    expect(hit?.boundary).toMatchObject({ id: 'city', name: 'City', tier: 'city', approximate: true, bbox: [0, 0, 1, 1] });
    expect(hit?.boundary).not.toHaveProperty('geometry');
  });

  it('sees a change made through another connection at the next lookup, and rebuilds only on registry changes', async () => {
    const lookup = new RegistryLookup(store);
    const reads = vi.spyOn(store, 'listBoundaries');
    expect(await slugs(lookup, 10.5, 10.5)).toEqual(['nation-311@nation']);
    expect(await slugs(lookup, 10.5, 10.5)).toEqual(['nation-311@nation']);
    expect(reads).toHaveBeenCalledTimes(1);

    await other.saveEndpoint(endpoint('elsewhere-311', 'city', 'elsewhere'));
    expect(await slugs(lookup, 10.5, 10.5)).toEqual(['elsewhere-311@elsewhere', 'nation-311@nation']);
    expect(reads).toHaveBeenCalledTimes(2);

    // A write that is not the registry's moves the data version but not the revision: no rebuild.
    await other.saveJurisdiction({ id: 'j.example', name: 'J', contact: 'c', key_service: 'k', timezone: 'UTC' });
    expect(await slugs(lookup, 10.5, 10.5)).toEqual(['elsewhere-311@elsewhere', 'nation-311@nation']);
    expect(reads).toHaveBeenCalledTimes(2);

    await other.deleteEndpoint('elsewhere-311');
    expect(await slugs(lookup, 10.5, 10.5)).toEqual(['nation-311@nation']);
    reads.mockRestore();
  });

  it('answers lookups that arrive during a rebuild from a rebuild that saw the latest change', async () => {
    const lookup = new RegistryLookup(store);
    await lookup.lookup(0, 0);
    await other.saveEndpoint(endpoint('late-311', 'city', 'elsewhere'));
    const [a, b] = await Promise.all([slugs(lookup, 10.5, 10.5), slugs(lookup, 10.5, 10.5)]);
    expect(a).toEqual(['late-311@elsewhere', 'nation-311@nation']);
    expect(b).toEqual(a);
    await other.deleteEndpoint('late-311');
  });
});
