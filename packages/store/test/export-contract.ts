/**
 * The contract suite of `exportRequests` (open-data exports, issue 13): the
 * same pages on SQLite and PostgreSQL, run by sqlite.test.ts and postgres.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ExportFilter, PublicStoredRequest, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, HOUR, imported, newRequest, T0, withFreshStore } from './fixtures.js';

async function collect(pages: AsyncIterable<PublicStoredRequest[]>): Promise<PublicStoredRequest[][]> {
  const out: PublicStoredRequest[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const oldestFirst = (a: PublicStoredRequest, b: PublicStoredRequest): number =>
  a.requested_at - b.requested_at || Number(a.id) - Number(b.id);

export function runExportContract(dialect: TestDialect): void {
  describe(`Export contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));

    /** 12 requests: 5 at the same instant, services and statuses mixed, updated an hour after. */
    async function seeded(): Promise<string> {
      const j = await addJurisdiction(store);
      const times = [T0, T0, T0, T0, T0, T0 - HOUR, T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR, T0 + 4 * HOUR, T0 + 5 * HOUR, T0 + 6 * HOUR];
      await store.importRequests(
        times.map((at, i) =>
          imported(j, {
            service_code: i % 3 === 0 ? 'graffiti' : 'pothole',
            status: i % 2 === 0 ? 'closed' : 'open',
            requested_at: at,
            updated_at: at + HOUR + i,
            description: `row ${i}`,
          }),
        ),
      );
      return j;
    }

    it('pages every request oldest first, ties by id, with no row twice across equal times', async () => {
      const j = await seeded();
      const other = await addJurisdiction(store);
      await store.createRequest(newRequest(other, { requested_at: T0 }));
      const all = await store.listPublicRequests({ jurisdiction_id: j, limit: 100, offset: 0 });
      for (const size of [1, 2, 3, 5, 12, 100]) {
        const pages = await collect(store.exportRequests({ jurisdiction_id: j, page_size: size }));
        expect(pages.every((p) => p.length > 0 && p.length <= size)).toBe(true);
        const rows = pages.flat();
        expect(rows.map((r) => r.id)).toEqual([...all].sort(oldestFirst).map((r) => r.id));
        expect(rows).toEqual([...all].sort(oldestFirst));
      }
      expect(await collect(store.exportRequests({ jurisdiction_id: 'nowhere' }))).toEqual([]);
    });

    it('filters as the public list does: services, status, requested and updated ranges', async () => {
      const j = await seeded();
      const filters: Omit<ExportFilter, 'jurisdiction_id'>[] = [
        { service_codes: ['graffiti'] },
        { service_codes: ['graffiti', 'pothole'] },
        { service_codes: ['none'] },
        { statuses: ['open'] },
        { statuses: ['closed'], service_codes: ['pothole'] },
        { statuses: ['open', 'closed'] },
        { requested_from: T0, requested_to: T0 + 3 * HOUR },
        { updated_from: T0 + 2 * HOUR, updated_to: T0 + 5 * HOUR },
        { requested_from: T0, statuses: ['open'], service_codes: ['pothole'], updated_to: T0 + 4 * HOUR },
      ];
      for (const f of filters) {
        const expected = (await store.listPublicRequests({ jurisdiction_id: j, ...f, limit: 100, offset: 0 })).sort(oldestFirst);
        const rows = (await collect(store.exportRequests({ jurisdiction_id: j, ...f, page_size: 2 }))).flat();
        expect(rows.map((r) => r.id), JSON.stringify(f)).toEqual(expected.map((r) => r.id));
        expect(rows.length).toBe(await store.countRequests({ jurisdiction_id: j, ...f }));
      }
    });

    it('never carries the reporter, and clamps the page size', async () => {
      const j = await addJurisdiction(store);
      const contact = { email: 'ann@private.example', first_name: 'Ann', last_name: 'Private', phone: '+1-555-0100', device_id: 'dev-9', account_id: null };
      await store.createRequest(newRequest(j, { reporter: contact }));
      await store.createRequest(newRequest(j, { reporter: contact }));
      const pages = await collect(store.exportRequests({ jurisdiction_id: j, page_size: 0 }));
      expect(pages.map((p) => p.length)).toEqual([1, 1]);
      expect(JSON.stringify(pages)).not.toMatch(/ann@private|Private|555-0100|dev-9/);
      expect(pages.flat().every((r) => !('reporter' in r))).toBe(true);
      expect((await collect(store.exportRequests({ jurisdiction_id: j, page_size: Number.NaN }))).length).toBe(1);
    });

    it('reads at most a page ahead, and picks up rows written after the cursor', async () => {
      const j = await seeded();
      const pages = store.exportRequests({ jurisdiction_id: j, page_size: 5 })[Symbol.asyncIterator]();
      const first = await pages.next();
      expect(first.done).toBe(false);
      const late = await store.createRequest(newRequest(j, { requested_at: T0 + 10 * HOUR }));
      const rest: PublicStoredRequest[] = [];
      for (let p = await pages.next(); !p.done; p = await pages.next()) rest.push(...p.value);
      const ids = [...first.value, ...rest].map((r) => r.id);
      expect(ids.length).toBe(13);
      expect(ids.at(-1)).toBe(late.id);
      expect(new Set(ids).size).toBe(13);
    });
  });
}
