/**
 * Date ranges of GET requests and GET servicerequestupdates: bounds compared to
 * the second, as datetimes are published (FixMyStreet polls up to the last
 * datetime it read), and ranges over 90 days answered for their most recent
 * 90 days, named in X-Open311-Window (the Python client asks "since then until today").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_WRITABLE_INSTANT, parseW3CDateTime } from '@o311/georeport';
import type { StoredRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { expectJsonError, get, json, type Answer } from './support/http.js';
import { DAY, seedRequest } from './support/requests.js';

interface Listed {
  service_request_id: string;
  requested_datetime: string;
}
interface UpdateJson {
  service_request_id: string;
  updated_datetime: string;
}

/** W3C datetime in UTC, whole seconds. */
const w3c = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const secondOf = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** The two bounds of X-Open311-Window, epoch ms. */
function windowOf(a: Answer): [number | undefined, number | undefined] {
  const header = a.headers.get('x-open311-window');
  expect(header, 'X-Open311-Window').toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  const [start, end] = header!.split('/');
  return [parseW3CDateTime(start!), parseW3CDateTime(end!)];
}

describe.each(dialects)('date ranges (%s)', (dialect) => {
  let s: Server;
  const now = Date.now();
  /** The second every bound below names; the request is stored 700 ms into it and published without them. */
  const second = secondOf(now - 10 * DAY);
  let inSecond: StoredRequest, nextSecond: StoredRequest, changed: StoredRequest, recent: StoredRequest, old: StoredRequest;

  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        await seedRequest(store, { service_code: 'pothole', requested_at: second - 1, description: 'the second before' });
        inSecond = await seedRequest(store, { service_code: 'pothole', requested_at: second + 700, description: 'in the second' });
        nextSecond = await seedRequest(store, { service_code: 'pothole', requested_at: second + 1000, description: 'the second after' });
        changed = await seedRequest(store, { service_code: 'graffiti', requested_at: second - 5 * DAY });
        await store.changeStatus({
          jurisdiction_id: JURISDICTION.id, request_id: changed.id, status: 'in_progress', note: 'On it', author: 'crew', at: second + 700,
        });
        recent = await seedRequest(store, { service_code: 'pothole', requested_at: now - 50 * DAY, description: '50 days ago' });
        old = await seedRequest(store, { service_code: 'pothole', requested_at: now - 200 * DAY, description: '200 days ago' });
      },
    });
  });
  afterAll(() => s.close());

  const requests = (query: string) => get(`${s.url}/open311/v2/requests.json?${query}`);
  const updates = (query: string) => get(`${s.url}/open311/v2/servicerequestupdates.json?${query}`);
  const ids = (a: Answer) => json<Listed[]>(a).map((r) => r.service_request_id);

  describe('bounds compared to the second, as published', () => {
    it('lists a request whose requested_datetime equals end_date, or start_date', async () => {
      const [listed] = json<Listed[]>(await requests(`service_request_id=${inSecond.id}`));
      expect(parseW3CDateTime(listed!.requested_datetime)).toBe(second);
      expect(ids(await requests(`start_date=${w3c(second - 60_000)}&end_date=${w3c(second)}`))).toContain(inSecond.id);
      expect(ids(await requests(`start_date=${w3c(second)}&end_date=${w3c(second)}&service_code=pothole`))).toEqual([inSecond.id]);
      expect(ids(await requests(`start_date=${w3c(second)}&end_date=${w3c(second + 60_000)}`))).toEqual([nextSecond.id, inSecond.id]);
    });

    it('does the same for updated_after and updated_before', async () => {
      const [after, before] = [`updated_after=${w3c(second)}`, `updated_before=${w3c(second)}`];
      expect(ids(await requests(`${after}&${before}`)).sort()).toEqual([inSecond.id, changed.id].sort());
    });

    it('does the same for the servicerequestupdates range', async () => {
      const list = json<UpdateJson[]>(await updates(`start_date=${w3c(second)}&end_date=${w3c(second)}`));
      expect(list.map((u) => u.service_request_id)).toEqual([changed.id]);
      expect(parseW3CDateTime(list[0]!.updated_datetime)).toBe(second);
    });
  });

  describe('ranges over 90 days', () => {
    const end = secondOf(now);
    const yearLong = `start_date=${w3c(now - 365 * DAY)}&end_date=${w3c(end)}`;

    it('answers the most recent 90 days of the range and names them in X-Open311-Window', async () => {
      const a = await requests(yearLong);
      expect(a.status, a.body).toBe(200);
      expect(ids(a)).toContain(recent.id);
      expect(ids(a)).not.toContain(old.id);
      expect(windowOf(a)).toEqual([end - 90 * DAY, end]);
      expect(a.headers.get('access-control-expose-headers')).toContain('X-Open311-Window');
    });

    it('keeps the header on an answer served again from the read cache', async () => {
      const [first, again] = [await requests(yearLong), await requests(yearLong)];
      expect(again.body).toBe(first.body);
      expect(windowOf(again)).toEqual(windowOf(first));
    });

    it('names the default window too, and none for a list of ids', async () => {
      const [start, last] = windowOf(await requests(''));
      expect(last! - start!).toBe(90 * DAY);
      expect(Math.abs(last! - now)).toBeLessThan(60_000);
      expect((await requests(`service_request_id=${old.id}`)).headers.get('x-open311-window')).toBeNull();
    });

    it('does the same for servicerequestupdates', async () => {
      const a = await updates(yearLong);
      expect(a.status, a.body).toBe(200);
      expect(windowOf(a)).toEqual([end - 90 * DAY, end]);
      expect(json<UpdateJson[]>(a).map((u) => u.service_request_id)).toContain(changed.id);
    });

    it('documents the header on both routes in the OpenAPI document', async () => {
      type Doc = { paths: Record<string, { get: { responses: Record<string, { headers?: Record<string, unknown> }> } }> };
      const doc = json<Doc>(await get(`${s.url}/docs/json`));
      for (const path of ['/open311/v2/requests.{format}', '/open311/v2/servicerequestupdates.{format}']) {
        expect(Object.keys(doc.paths[path]?.get.responses['200']?.headers ?? {}), path).toContain('X-Open311-Window');
      }
    });

    it('keeps a window filled in from one date within the years datetimes are written in', async () => {
      const [first, last] = [FIRST_WRITABLE_INSTANT, Date.UTC(9999, 11, 31, 23, 59, 59)];
      for (const [query, window] of [
        ['end_date=0001-01-01T00:00:00Z', [first, first]],
        ['start_date=9999-12-31T00:00:00Z', [Date.UTC(9999, 11, 31), last]],
      ] as const) {
        const a = await requests(query);
        expect(a.status, `${query}: ${a.body}`).toBe(200);
        expect(json<Listed[]>(a)).toEqual([]);
        expect(windowOf(a), query).toEqual(window);
      }
    });

    it('still refuses malformed dates and an end before the start', async () => {
      expectJsonError(await requests(`start_date=${w3c(now)}&end_date=${w3c(now - DAY)}`), 400);
      expectJsonError(await requests('start_date=2026-01-01T00:00:00'), 400);
      expectJsonError(await updates(`start_date=${w3c(now)}&end_date=${w3c(now - DAY)}`), 400);
    });
  });
});
