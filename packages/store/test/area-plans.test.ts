/**
 * The two plans of an area query (repositories/requests.ts): the covering cell
 * index for a sparse area, the time order for a dense one. Both must give the
 * same pages and counts, on both dialects; the threshold is lowered here so
 * that a small data set reaches both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { openStore, parseDatabaseUrl, type RequestFilter, type Store } from '../src/index.js';
import type { DialectAdapter } from '../src/dialects/adapter.js';
import { countRequests, geoPlan, listRequests, type ListOptions } from '../src/repositories/requests.js';
import { addJurisdiction, imported, T0 } from './fixtures.js';

async function openAdapter(url: string): Promise<DialectAdapter> {
  const location = parseDatabaseUrl(url);
  if (location.dialect === 'sqlite') return (await import('../src/dialects/sqlite.js')).createSqliteAdapter(location.path);
  return (await import('../src/dialects/postgres.js')).createPostgresAdapter(location.url, 2);
}

describe.each(dialects)('area plans (%s)', (dialect) => {
  let fresh: FreshDatabase;
  let store: Store;
  let adapter: DialectAdapter;
  let jid: string;
  const centre = { lat: 41.88, long: -87.63 };
  // 400 points on a 20 x 20 grid of 0.001 degree around the centre, newest first in grid order.
  const points = Array.from({ length: 400 }, (_, i) => ({
    lat: centre.lat + (Math.floor(i / 20) - 10) * 0.001,
    long: centre.long + ((i % 20) - 10) * 0.001,
    at: T0 - i * 1000,
  }));

  beforeAll(async () => {
    fresh = await freshUrl(dialect);
    store = await openStore(fresh.url);
    await store.migrate();
    jid = await addJurisdiction(store);
    await store.importRequests(points.map((p, i) => imported(jid, { description: String(i), lat: p.lat, long: p.long, requested_at: p.at })));
    adapter = await openAdapter(fresh.url);
  });
  afterAll(async () => {
    await adapter?.close();
    await store?.close();
    await fresh?.cleanup();
  });

  const sparse: ListOptions = { probeAreas: true };
  const dense: ListOptions = { probeAreas: true, denseAreaRows: 50 };
  const unprobed: ListOptions = { probeAreas: false };
  const window = { requested_from: T0 - 1000 * 1000, requested_to: T0 };

  const filters: Omit<RequestFilter, 'jurisdiction_id' | 'limit' | 'offset'>[] = [
    { bbox: { min_lat: centre.lat - 0.0035, max_lat: centre.lat + 0.0045, min_long: centre.long - 0.006, max_long: centre.long + 0.002 } },
    { near: { ...centre, radius_m: 600 } },
    { near: { ...centre, radius_m: 300 }, statuses: ['open'] },
    { bbox: { min_lat: centre.lat - 0.02, max_lat: centre.lat + 0.02, min_long: centre.long - 0.02, max_long: centre.long + 0.02 }, service_codes: ['pothole'] },
  ];

  it('chooses the time order for a dense area and the cell index for a sparse one', async () => {
    const f = { jurisdiction_id: jid, ...filters[0]! };
    expect(await geoPlan(adapter.db, f, dense)).toBe('scan');
    expect(await geoPlan(adapter.db, f, sparse)).toBe('index');
    expect(await geoPlan(adapter.db, f, unprobed)).toBe('index');
  });

  it('gives the same pages and counts with either plan, as the points say', async () => {
    for (const f of filters) {
      const whole = { jurisdiction_id: jid, ...window, ...f };
      const all = await listRequests(adapter.db, { ...whole, limit: 1000, offset: 0 }, unprobed);
      expect(all.length).toBeGreaterThan(20);
      const times = all.map((r) => r.requested_at);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const options of [sparse, dense]) {
        for (const [limit, offset] of [[1000, 0], [7, 0], [7, 13]] as const) {
          const page = await listRequests(adapter.db, { ...whole, limit, offset }, options);
          expect(page.map((r) => r.id)).toEqual(all.slice(offset, offset + limit).map((r) => r.id));
        }
        expect(await countRequests(adapter.db, whole, options)).toBe(all.length);
      }
      if (f.bbox && !f.service_codes) {
        const b = f.bbox;
        const inside = points.filter((p) => p.lat >= b.min_lat && p.lat <= b.max_lat && p.long >= b.min_long && p.long <= b.max_long);
        expect(all.length).toBe(inside.length);
      }
    }
  });
});
