/** The spec's cap and the hot path: one query per page, one batch query for extensions, no per-row queries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, PII_STRINGS, REPORTER, startServer, type Server } from './support/fixture.js';
import { get, json } from './support/http.js';
import { DAY } from './support/requests.js';
import { spyStore, type SpyStore } from './support/spy-store.js';

const ROWS = 1005;

describe.each(dialects)('volume (%s)', (dialect) => {
  let s: Server;
  let spy: SpyStore | undefined;
  beforeAll(async () => {
    const now = Date.now();
    s = await startServer(dialect, {
      wrapStore: (store) => (spy = spyStore(store)).store,
      seed: async (store) => {
        const rows: ImportedRequest[] = Array.from({ length: ROWS }, (_, i) => ({
          jurisdiction_id: JURISDICTION.id,
          service_code: 'pothole',
          description: `Hole ${i}`,
          address: `${i} Long Road`,
          address_id: null,
          zipcode: null,
          lat: 41.8 + i / 100_000,
          long: -87.6,
          media_url: null,
          attributes: { SIZE: i % 2 ? 'small' : 'large' },
          reporter: { ...REPORTER },
          status: i % 3 === 0 ? 'fixed' : 'open',
          status_notes: null,
          requested_at: now - DAY - i * 60_000,
          updated_at: now - DAY - i * 60_000 + 1000,
          expected_at: null,
          agency_responsible: null,
        }));
        await store.importRequests(rows);
      },
    });
  });
  afterAll(() => s.close());

  it('returns at most 1000 requests, newest first, in one store query', async () => {
    spy!.reset();
    const list = json<{ description: string }[]>(await get(`${s.url}/open311/v2/requests.json`));
    expect(list).toHaveLength(1000);
    expect(list[0]?.description).toBe('Hole 0');
    expect(list[999]?.description).toBe('Hole 999');
    expect(spy!.calls.get('listPublicRequests')).toBe(1);
    expect(spy!.calls.get('countRequests')).toBeUndefined();
    expect(spy!.calls.get('listEventsFor')).toBeUndefined();
  });

  it('loads the history of a whole page in one batch query with extensions=true', async () => {
    spy!.reset();
    const list = json<{ extended_attributes: { notes: { type: string }[]; detailed_status: string } }[]>(
      await get(`${s.url}/open311/v2/requests.json?extensions=true`),
    );
    expect(list).toHaveLength(1000);
    expect(list[0]?.extended_attributes.detailed_status).toBe('fixed');
    expect(list[0]?.extended_attributes.notes.map((n) => n.type)).toEqual(['submitted', 'status_change']);
    expect(spy!.calls.get('listPublicRequests')).toBe(1);
    expect(spy!.calls.get('listEventsFor')).toBe(1);
    expect(spy!.calls.get('listEvents')).toBeUndefined();
    expect(spy!.calls.get('getPublicRequest')).toBeUndefined();
  });

  it('pages beyond the cap with page/page_size', async () => {
    const last = await get(`${s.url}/open311/v2/requests.json?page=3&page_size=500`);
    expect(json<unknown[]>(last)).toHaveLength(ROWS - 1000);
    expect(last.headers.get('x-total-count')).toBe(String(ROWS));
    expect(last.headers.get('x-page-count')).toBe('3');
    for (const secret of PII_STRINGS) expect(last.body).not.toContain(secret);
  });
});
