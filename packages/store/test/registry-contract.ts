/**
 * The contract suite of the discovery registry (registry.ts, issue 10): the
 * same behaviour on SQLite and PostgreSQL, run by sqlite.test.ts and postgres.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '@o311/georeport';
import { openStore, type NewBoundary, type NewEndpoint, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { T0, uid, withFreshStore } from './fixtures.js';

const square = (x: number, y: number, size: number): MultiPolygon => [
  [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
];

const slugOf = (prefix: string) => uid(prefix).toLowerCase();

const boundary = (overrides: Partial<NewBoundary> = {}): NewBoundary => ({
  id: slugOf('b'),
  name: 'Riverton',
  tier: 'city',
  source: 'drawn for the demo, CC0',
  approximate: false,
  geometry: square(-93.7, 41.5, 0.2),
  ...overrides,
});

const endpoint = (overrides: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug: slugOf('e'),
  name: 'Riverton 311',
  tier: 'city',
  country: 'US',
  base_url: 'https://311.riverton.example/open311/v2/',
  discovery_url: 'https://311.riverton.example/open311/discovery.json',
  jurisdiction_id: 'riverton.example',
  local: false,
  formats: ['xml', 'json'],
  api_key_url: 'https://311.riverton.example/developers',
  terms_url: null,
  contact_email: 'open311@riverton.example',
  status: 'production',
  boundary_id: null,
  quirks: null,
  notes: '',
  ...overrides,
});

export function runRegistryContract(dialect: TestDialect): void {
  describe(`Registry contract: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));

    describe('boundaries', () => {
      it('keeps the geometry with its holes, its box, and the time it was first saved', async () => {
        const holed: MultiPolygon = [[...square(0, 0, 10)[0]!, ...square(2, 2, 2)[0]!], ...square(20, 20, 1)];
        const b = boundary({ geometry: holed, approximate: true, tier: 'county' });
        const saved = await store.saveBoundary(b, T0);
        expect(saved).toEqual({ ...b, bbox: [0, 0, 21, 21], created_at: T0, updated_at: T0 });
        expect(await store.getBoundary(b.id)).toEqual(saved);
        const replaced = await store.saveBoundary({ ...b, name: 'Renamed', geometry: square(1, 1, 1) }, T0 + 5);
        expect(replaced).toMatchObject({ name: 'Renamed', bbox: [1, 1, 2, 2], created_at: T0, updated_at: T0 + 5 });
        expect(await store.getBoundary('nope')).toBeUndefined();
      });

      it('saves a list of boundaries all together, or none of them when one is refused', async () => {
        const good = [boundary(), boundary({ tier: 'state' })];
        expect(await store.saveBoundaries(good, T0)).toBe(2);
        for (const b of good) expect(await store.getBoundary(b.id)).toMatchObject({ name: b.name, tier: b.tier });
        const batch = [boundary(), boundary({ tier: 'galaxy' as NewBoundary['tier'] })];
        await expect(store.saveBoundaries(batch)).rejects.toThrow();
        expect(await store.getBoundary(batch[0]!.id)).toBeUndefined();
        expect(await store.saveBoundaries([])).toBe(0);
      });

      it('saves a long list in several inserts, replacing what exists, the last of an id winning', async () => {
        const first = boundary({ name: 'First' });
        await store.saveBoundary(first, T0);
        const many = Array.from({ length: 250 }, (_, i) => boundary({ geometry: square(i % 180, 0, 0.5) }));
        const list = [...many, { ...first, name: 'Second' }, { ...first, name: 'Third', approximate: true }];
        expect(await store.saveBoundaries(list, T0 + 9)).toBe(list.length);
        expect(await store.getBoundary(first.id)).toMatchObject({ name: 'Third', approximate: true, created_at: T0, updated_at: T0 + 9 });
        expect(await store.getBoundary(many[249]!.id)).toMatchObject({ bbox: [69, 0, 69.5, 0.5], created_at: T0 + 9 });
        const ids = new Set((await store.listBoundaries()).map((b) => b.id));
        expect(many.every((b) => ids.has(b.id))).toBe(true);
      });

      it('lists every boundary by id, and refuses a tier that does not exist', async () => {
        const ids = [slugOf('z'), slugOf('a')];
        for (const id of ids) await store.saveBoundary(boundary({ id }));
        const listed = (await store.listBoundaries()).map((b) => b.id);
        expect(listed.filter((id) => ids.includes(id))).toEqual([...ids].sort());
        await expect(store.saveBoundary(boundary({ tier: 'galaxy' as NewBoundary['tier'] }))).rejects.toThrow();
      });

      it('finds boundaries by name: exact first, then names starting with it, then the rest; wildcards literal', async () => {
        const mark = uid('Place').toLowerCase();
        await store.saveBoundaries([
          boundary({ id: `${mark}-c`, name: `Old ${mark} Town` }),
          boundary({ id: `${mark}-b`, name: `${mark} County`, tier: 'county' }),
          boundary({ id: `${mark}-a`, name: mark.toUpperCase() }),
          boundary({ id: `${mark}-p`, name: `${mark} 100% Park` }),
        ]);
        const found = await store.findBoundaries(` ${mark} `, 10);
        expect(found.map((b) => b.id)).toEqual([`${mark}-a`, `${mark}-p`, `${mark}-b`, `${mark}-c`]);
        expect(found[1]).toEqual({
          id: `${mark}-p`, name: `${mark} 100% Park`, tier: 'city', source: 'drawn for the demo, CC0', approximate: false,
          bbox: [-93.7, 41.5, -93.5, 41.7], created_at: expect.any(Number), updated_at: expect.any(Number),
        });
        expect((await store.findBoundaries(`${mark} 1%`, 10)).map((b) => b.id)).toEqual([]);
        expect((await store.findBoundaries(`${mark} 100%`, 10)).map((b) => b.id)).toEqual([`${mark}-p`]);
        expect(await store.findBoundaries(mark, 1)).toHaveLength(1);
        expect(await store.findBoundaries('   ', 10)).toEqual([]);
      });

      it('is not deleted while an endpoint is attached to it', async () => {
        const b = await store.saveBoundary(boundary());
        const e = await store.saveEndpoint(endpoint({ boundary_id: b.id }));
        expect(await store.deleteBoundary(b.id)).toBe(false);
        expect(await store.deleteEndpoint(e.slug)).toBe(true);
        expect(await store.deleteBoundary(b.id)).toBe(true);
        expect(await store.deleteBoundary(b.id)).toBe(false);
        await expect(store.saveEndpoint(endpoint({ boundary_id: 'no-such-boundary' }))).rejects.toThrow();
      });
    });

    describe('endpoints', () => {
      it('keeps every field, and its last check when saved again', async () => {
        const e = endpoint({ local: true, base_url: null, formats: ['json'], quirks: 'fixmystreet', notes: 'Tier 1' });
        const saved = await store.saveEndpoint(e, T0);
        expect(saved).toEqual({ ...e, created_at: T0, updated_at: T0, last_check: null });
        expect(await store.recordEndpointCheck(e.slug, { at: T0 + 1, ok: false, summary: '3 errors' })).toBe(true);
        expect(await store.recordEndpointCheck('no-such-endpoint', { at: T0, ok: true, summary: '' })).toBe(false);
        const again = await store.saveEndpoint({ ...e, name: 'Riverton Open311' }, T0 + 2);
        expect(again).toEqual({ ...e, name: 'Riverton Open311', created_at: T0, updated_at: T0 + 2, last_check: { at: T0 + 1, ok: false, summary: '3 errors' } });
        expect(await store.getEndpoint(e.slug)).toEqual(again);
      });

      it('filters by tier, country (any case), status and text (wildcards literal), by name, with paging', async () => {
        const mark = uid('Mark');
        const made = [
          await store.saveEndpoint(endpoint({ name: `${mark} B county`, tier: 'county', country: 'US' })),
          await store.saveEndpoint(endpoint({ name: `${mark} A city`, tier: 'city', country: 'CA', status: 'test' })),
          await store.saveEndpoint(endpoint({ name: `${mark} C 100%`, tier: 'city', country: 'US', status: 'retired' })),
        ];
        const names = async (f: Partial<Parameters<Store['listEndpoints']>[0]>) =>
          (await store.listEndpoints({ text: mark, limit: 10, offset: 0, ...f })).map((e) => e.name.slice(mark.length + 1));
        expect(await names({})).toEqual(['A city', 'B county', 'C 100%']);
        expect(await names({ tier: 'city' })).toEqual(['A city', 'C 100%']);
        expect(await names({ country: 'us' })).toEqual(['B county', 'C 100%']);
        expect(await names({ status: 'test' })).toEqual(['A city']);
        expect(await names({ text: `${mark.toUpperCase()} c 100%` })).toEqual(['C 100%']);
        expect(await names({ text: `${mark} C 1%0` })).toEqual([]);
        expect(await names({ limit: 1, offset: 1 })).toEqual(['B county']);
        expect((await store.listEndpoints({ text: made[0]!.slug, limit: 10, offset: 0 })).map((e) => e.slug)).toEqual([made[0]!.slug]);
      });

      it("finds this server's own endpoint of a jurisdiction, whatever its name", async () => {
        const j = uid('j');
        const own = await store.saveEndpoint(endpoint({ name: uid('Any name'), local: true, jurisdiction_id: j }));
        await store.saveEndpoint(endpoint({ name: uid('Not ours'), local: false, jurisdiction_id: j }));
        await store.saveEndpoint(endpoint({ name: uid('Another city'), local: true, jurisdiction_id: uid('k') }));
        expect((await store.listEndpoints({ local_jurisdiction: j, limit: 10, offset: 0 })).map((e) => e.slug)).toEqual([own.slug]);
      });
    });

    it('moves the revision and the data version with every change, seen from another store on the database', async () => {
      const other = await openStore(db.url);
      try {
        const before = await other.registryRevision();
        const version = await other.dataVersion();
        const b = await store.saveBoundary(boundary());
        expect(await other.registryRevision()).toBe(before + 1);
        expect(await other.dataVersion()).not.toBe(version);
        const e = await store.saveEndpoint(endpoint({ boundary_id: b.id }));
        await store.recordEndpointCheck(e.slug, { at: T0, ok: true, summary: 'ok' });
        expect(await other.registryRevision()).toBe(before + 3);
        expect(await store.deleteEndpoint('no-such-endpoint')).toBe(false);
        expect(await store.deleteBoundary(b.id)).toBe(false);
        expect(await other.registryRevision()).toBe(before + 3);
      } finally {
        await other.close();
      }
    });
  });
}
