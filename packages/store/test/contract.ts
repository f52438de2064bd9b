/**
 * The one contract suite every Store must pass. sqlite.test.ts and
 * postgres.test.ts run it against a fresh database of their dialect.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTENDED_STATUSES, type ExtendedStatus } from '@o311/georeport';
import { openStore, type ImportedRequest, type NewRequest, type RequestFilter, type Store, type StoredRequest } from '@o311/store';
import { freshUrl, type FreshDatabase, type TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, HOUR, imported, newRequest, reporter, service, T0, uid, withFreshStore } from './fixtures.js';
import { rawCount, rawExec, rawIndexNames, rawQuery } from './raw.js';

const METRES_PER_DEGREE = 6_371_008.8 * (Math.PI / 180);

/** The order listRequests promises: requested_at desc, then numeric id desc. */
const newestFirst = (a: StoredRequest, b: StoredRequest): number =>
  b.requested_at - a.requested_at || Number(b.id) - Number(a.id);

/** Great-circle distance (haversine), the reference for the near filter. */
function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The store's secondary indexes (schema/indexes.ts), the ones a large import drops first. */
const DEFERRED_INDEXES = [
  'requests_by_cell', 'requests_by_service', 'requests_by_service_status', 'requests_by_status', 'requests_by_time', 'requests_by_update',
];
const KEPT_INDEXES = ['events_by_request', 'events_by_time', 'media_by_request', 'requests_by_token'];
const ALL_INDEXES = [...DEFERRED_INDEXES, ...KEPT_INDEXES].sort();
/** Store indexes of a database (primary keys and unique constraints left out). */
const storeIndexes = async (url: string): Promise<string[]> => (await rawIndexNames(url)).filter((n) => ALL_INDEXES.includes(n));

export function runStoreContract(dialect: TestDialect): void {
  describe(`Store contract: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));

    const jurisdiction = (): Promise<string> => addJurisdiction(store);

    const filter = (jurisdiction_id: string, f: Partial<RequestFilter> = {}): RequestFilter => ({
      jurisdiction_id,
      limit: 1000,
      offset: 0,
      ...f,
    });

    describe('lifecycle', () => {
      it('reports its dialect', () => {
        expect(store.dialect).toBe(dialect);
      });

      it('migrate() is idempotent, on the same and on a new connection', async () => {
        await store.migrate();
        const applied = async () => Number((await rawQuery(db.url, 'select count(*) as n from o311_migration'))[0]?.n);
        const before = await applied();
        const again = await openStore(db.url);
        try {
          await again.migrate();
          expect(await again.listJurisdictions()).toEqual(await store.listJurisdictions());
        } finally {
          await again.close();
        }
        // Every migration ran once: none again (their number grows as migrations are appended).
        expect(await applied()).toBe(before);
        expect(before).toBeGreaterThanOrEqual(4);
      });

      it('close() may be called twice', async () => {
        const other = await openStore(db.url);
        await other.close();
        await expect(other.close()).resolves.toBeUndefined();
      });

      it.each(['', 'mysql://localhost/db', 'sqlite:', '/tmp/no-scheme.db', 'postgres://'])(
        'rejects the bad URL %j with a clear message',
        async (url) => {
          await expect(openStore(url)).rejects.toThrow(/database URL/);
        },
      );
    });

    describe('jurisdictions', () => {
      it('saves, reads, updates and lists', async () => {
        const id = uid('j');
        const j = { id, name: 'Springfield', contact: 'a@b.c', key_service: 'mail us', timezone: 'Europe/Paris' };
        expect(await store.saveJurisdiction(j)).toEqual(j);
        expect(await store.getJurisdiction(id)).toEqual(j);
        const renamed = { ...j, name: 'Shelbyville', timezone: 'UTC' };
        await store.saveJurisdiction(renamed);
        expect(await store.getJurisdiction(id)).toEqual(renamed);
        expect(await store.listJurisdictions()).toContainEqual(renamed);
        expect(await store.getJurisdiction('nope')).toBeUndefined();
      });

      it('refuses to delete while services exist, then deletes', async () => {
        const id = uid('j');
        await store.saveJurisdiction({ id, name: 'X', contact: '', key_service: '', timezone: 'UTC' });
        await store.saveService(service(id));
        expect(await store.deleteJurisdiction(id)).toBe(false);
        expect(await store.getJurisdiction(id)).toBeDefined();
        expect(await store.deleteService(id, 'pothole')).toBe(true);
        expect(await store.deleteJurisdiction(id)).toBe(true);
        expect(await store.getJurisdiction(id)).toBeUndefined();
        expect(await store.deleteJurisdiction(id)).toBe(false);
      });

      it('refuses to delete while requests exist (even without services)', async () => {
        const id = await jurisdiction();
        await store.createRequest(newRequest(id));
        await store.deleteService(id, 'pothole');
        await store.deleteService(id, 'graffiti');
        expect(await store.deleteJurisdiction(id)).toBe(false);
      });
    });

    describe('services', () => {
      it('round-trips every field, attributes and translations included', async () => {
        const id = uid('j');
        await store.saveJurisdiction({ id, name: 'X', contact: '', key_service: '', timezone: 'UTC' });
        const saved = await store.saveService(service(id));
        const { updated_at, ...rest } = saved;
        expect(rest).toEqual(service(id));
        expect(typeof updated_at).toBe('number');
        expect(await store.getService(id, 'pothole')).toEqual(saved);
        expect(await store.getService(id, 'nope')).toBeUndefined();
        expect(await store.getService('other', 'pothole')).toBeUndefined();
      });

      it('lists active services unless includeInactive', async () => {
        const id = await jurisdiction();
        await store.saveService(service(id, { service_code: 'old', service_name: 'Old', active: false }));
        expect((await store.listServices(id)).map((s) => s.service_code)).toEqual(['graffiti', 'pothole']);
        expect((await store.listServices(id, { includeInactive: true })).map((s) => s.service_code)).toEqual(['graffiti', 'old', 'pothole']);
      });

      it('replaces on save and moves the changeset forward on every change', async () => {
        const id = await jurisdiction();
        const c1 = await store.servicesChangedAt(id);
        const saved = await store.saveService(service(id, { description: 'changed', attributes: [] }));
        const c2 = await store.servicesChangedAt(id);
        expect(c2).toBeGreaterThan(c1);
        expect(saved.updated_at).toBe(c2);
        expect((await store.getService(id, 'pothole'))?.attributes).toEqual([]);
        expect(await store.deleteService(id, 'pothole')).toBe(true);
        expect(await store.servicesChangedAt(id)).toBeGreaterThan(c2);
        expect(await store.deleteService(id, 'pothole')).toBe(false);
        expect(await store.servicesChangedAt('unknown-jurisdiction')).toBe(0);
      });

      it('carries a rename to the stored requests', async () => {
        const id = await jurisdiction();
        const r = await store.createRequest(newRequest(id));
        expect(r.service_name).toBe('Pothole');
        await store.saveService(service(id, { service_name: 'Road hole' }));
        expect((await store.getRequest(id, r.id))?.service_name).toBe('Road hole');
        expect((await store.listRequests(filter(id)))[0]?.service_name).toBe('Road hole');
      });

      it('rejects a service of an unknown jurisdiction', async () => {
        await expect(store.saveService(service(uid('missing')))).rejects.toThrow();
      });
    });

    describe('requests', () => {
      it('creates a request with service facts, sequential numeric ids and a submitted event', async () => {
        const id = await jurisdiction();
        const a = await store.createRequest(newRequest(id, { requested_at: T0 }));
        const b = await store.createRequest(newRequest(id, { requested_at: T0 }));
        expect(a.id).toMatch(/^[1-9][0-9]*$/);
        expect(Number(a.id)).toBeGreaterThanOrEqual(1000);
        expect(Number(b.id)).toBeGreaterThan(Number(a.id));
        expect(a).toMatchObject({
          jurisdiction_id: id,
          service_code: 'pothole',
          service_name: 'Pothole',
          token: null,
          status: 'open',
          status_notes: null,
          agency_responsible: 'Roads Department',
          service_notice: 'Fixed within 48 hours',
          requested_at: T0,
          updated_at: T0,
          expected_at: T0 + 48 * HOUR,
          media_url: null,
          media_ids: [],
        });
        expect(await store.getRequest(id, a.id)).toEqual(a);
        const events = await store.listEvents(id, a.id);
        expect(events).toEqual([
          expect.objectContaining({ request_id: a.id, at: T0, type: 'submitted', status: 'open', public: true }),
        ]);
      });

      it('defaults requested_at to now', async () => {
        const id = await jurisdiction();
        const before = Date.now();
        const r = await store.createRequest(newRequest(id));
        expect(r.requested_at).toBeGreaterThanOrEqual(before);
        expect(r.requested_at).toBeLessThanOrEqual(Date.now());
        expect(r.updated_at).toBe(r.requested_at);
      });

      it('round-trips reporter, attributes, coordinates and the given media_url', async () => {
        const id = await jurisdiction();
        const key = await store.createApiKey({ name: 'app', rate_limit_per_minute: 60, trusted: false });
        const input = newRequest(id, {
          address_id: 'A-17',
          lat: -33.868820123456,
          long: 151.209295987654,
          media_url: 'https://example.org/p.jpg',
          attributes: { DEPTH: 'deep', TAGS: ['a', 'b'] },
          reporter: { email: 'r@example.org', first_name: 'Ada', last_name: 'Lovelace', phone: '+44 20', device_id: 'dev-1', account_id: 'acc-9' },
          api_key_id: key.key.id,
        });
        const r = await store.createRequest(input);
        const got = await store.getRequest(id, r.id);
        expect(got).toMatchObject({
          address_id: 'A-17',
          lat: -33.868820123456,
          long: 151.209295987654,
          media_url: 'https://example.org/p.jpg',
          attributes: { DEPTH: 'deep', TAGS: ['a', 'b'] },
          reporter: input.reporter,
        });
      });

      it('round-trips Unicode text', async () => {
        const id = await jurisdiction();
        const text = 'Größe 🚧 «ÿ» 東京都 العربية עברית e\u0301 \u{1F468}\u200D\u{1F469}\u200D\u{1F467} line\nbreak \'quote\' "dq" \\ %_';
        await store.saveJurisdiction({ id, name: text, contact: text, key_service: text, timezone: 'Asia/Tokyo' });
        await store.saveService(service(id, { service_name: text }));
        const r = await store.createRequest(
          newRequest(id, {
            description: text,
            address: text,
            attributes: { [text]: [text, '✓'] },
            reporter: { ...reporter, first_name: text, last_name: 'Ñúñez' },
          }),
        );
        const got = await store.getRequest(id, r.id);
        expect(got?.description).toBe(text);
        expect(got?.address).toBe(text);
        expect(got?.service_name).toBe(text);
        expect(got?.attributes).toEqual({ [text]: [text, '✓'] });
        expect(got?.reporter.first_name).toBe(text);
        expect(got?.reporter.last_name).toBe('Ñúñez');
        expect((await store.getJurisdiction(id))?.name).toBe(text);
      });

      it('gives batch requests a token that resolves within the jurisdiction', async () => {
        const id = await jurisdiction();
        const r = await store.createRequest(newRequest(id, { service_code: 'graffiti', with_token: true }));
        expect(r.token).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.expected_at).toBeNull();
        expect(await store.getRequestByToken(id, r.token!)).toEqual(r);
        expect(await store.getRequestByToken(await jurisdiction(), r.token!)).toBeUndefined();
        expect(await store.getRequestByToken(id, 'no-such-token')).toBeUndefined();
      });

      it('does not find requests of another jurisdiction or with malformed ids', async () => {
        const id = await jurisdiction();
        const r = await store.createRequest(newRequest(id));
        expect(await store.getRequest(await jurisdiction(), r.id)).toBeUndefined();
        for (const bad of ['', 'abc', '-1', '0', '1.5', `${r.id} `, '99999999999999999999', "1' or '1'='1"]) {
          expect(await store.getRequest(id, bad)).toBeUndefined();
        }
      });

      it('rejects a request for an unknown service', async () => {
        const id = await jurisdiction();
        await expect(store.createRequest(newRequest(id, { service_code: 'nope' }))).rejects.toThrow(/unknown service/);
      });

      it('stores media bytes exactly, in upload order, and lists their ids', async () => {
        const id = await jurisdiction();
        const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
        const zeros = Buffer.alloc(4096);
        const big = Buffer.concat([zeros, all, Buffer.from([0, 0, 0xff, 0])]);
        const r = await store.createRequest(
          newRequest(id, {
            media: [
              { content_type: 'image/png', filename: 'a.png', bytes: all },
              { content_type: 'application/octet-stream', filename: null, bytes: big },
            ],
          }),
        );
        expect(r.media_ids).toHaveLength(2);
        expect(r.media_url).toBeNull();
        expect((await store.getRequest(id, r.id))?.media_ids).toEqual(r.media_ids);
        const first = await store.getMedia(r.media_ids[0]!);
        expect(first).toEqual({ id: r.media_ids[0], request_id: r.id, content_type: 'image/png', filename: 'a.png', bytes: all });
        expect(Buffer.isBuffer(first?.bytes)).toBe(true);
        const second = await store.getMedia(r.media_ids[1]!);
        expect(second?.bytes.equals(big)).toBe(true);
        expect(second?.filename).toBeNull();
        expect(await store.getMedia('00000000-0000-0000-0000-000000000000')).toBeUndefined();
      });

      it('writes nothing when part of createRequest fails (one transaction)', async () => {
        const id = await jurisdiction();
        const mediaBefore = await rawCount(db.url, 'request_media');
        // The second file violates the content_type check; request, event and first file were already inserted.
        await expect(
          store.createRequest(
            newRequest(id, {
              with_token: true,
              media: [
                { content_type: 'image/png', filename: 'ok.png', bytes: Buffer.from([1, 2, 3]) },
                { content_type: '', filename: 'bad', bytes: Buffer.from([0]) },
              ],
            }),
          ),
        ).rejects.toThrow();
        expect(await rawCount(db.url, `requests where jurisdiction_id = '${id}'`)).toBe(0);
        expect(await rawCount(db.url, `request_events where jurisdiction_id = '${id}'`)).toBe(0);
        expect(await rawCount(db.url, 'request_media')).toBe(mediaBefore);
        expect(await store.countRequests({ jurisdiction_id: id })).toBe(0);
        // The store is still usable afterwards.
        expect((await store.createRequest(newRequest(id))).status).toBe('open');
      });
    });

    describe('listRequests and countRequests', () => {
      let jid: string;
      const byDescription = new Map<string, StoredRequest>();
      const centre = { lat: 41.88, long: -87.63 };
      const north = (m: number) => centre.lat + m / METRES_PER_DEGREE;
      const east = (m: number) => centre.long + m / (METRES_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180));

      beforeAll(async () => {
        jid = await jurisdiction();
        const seed: [string, Partial<NewRequest>, ExtendedStatus | null, number][] = [
          // description, fields, status set afterwards, updated_at of that change
          ['centre', { requested_at: T0, lat: centre.lat, long: centre.long }, null, 0],
          ['north100', { requested_at: T0 + HOUR, lat: north(100), long: centre.long }, 'in_progress', T0 + 10 * HOUR],
          ['east300', { requested_at: T0 + 2 * HOUR, lat: centre.lat, long: east(300), service_code: 'graffiti' }, 'fixed', T0 + 11 * HOUR],
          ['far', { requested_at: T0 + 3 * HOUR, lat: north(1500), long: east(-1500) }, 'duplicate', T0 + 12 * HOUR],
          ['nowhere', { requested_at: T0 + 4 * HOUR, lat: null, long: null }, 'action_scheduled', T0 + 13 * HOUR],
        ];
        for (const [description, fields, status, at] of seed) {
          let r = await store.createRequest(newRequest(jid, { description, ...fields }));
          if (status) r = (await store.changeStatus({ jurisdiction_id: jid, request_id: r.id, status, note: null, author: null, at }))!;
          byDescription.set(description, r);
        }
        // Noise in another jurisdiction, same times and places.
        const other = await jurisdiction();
        await store.createRequest(newRequest(other, { requested_at: T0, lat: centre.lat, long: centre.long }));
      });

      /** Descriptions of the listed requests; without paging, countRequests must agree. */
      const names = async (f: Partial<RequestFilter>): Promise<string[]> => {
        const list = await store.listRequests(filter(jid, f));
        if (f.limit === undefined && f.offset === undefined) {
          const { limit: _limit, offset: _offset, ...countFilter } = filter(jid, f);
          expect(await store.countRequests(countFilter)).toBe(list.length);
        }
        return list.map((r) => r.description ?? '');
      };

      it('lists newest first, within the jurisdiction only', async () => {
        expect(await names({})).toEqual(['nowhere', 'far', 'east300', 'north100', 'centre']);
        expect(await store.countRequests({ jurisdiction_id: jid })).toBe(5);
      });

      it('pages with limit and offset', async () => {
        expect(await names({ limit: 2 })).toEqual(['nowhere', 'far']);
        expect(await names({ limit: 2, offset: 2 })).toEqual(['east300', 'north100']);
        expect(await names({ limit: 2, offset: 4 })).toEqual(['centre']);
        expect(await names({ limit: 2, offset: 10 })).toEqual([]);
        expect(await names({ limit: 0 })).toEqual([]);
      });

      it('filters by service codes', async () => {
        expect(await names({ service_codes: ['graffiti'] })).toEqual(['east300']);
        expect(await names({ service_codes: ['graffiti', 'pothole'] })).toHaveLength(5);
        expect(await names({ service_codes: ['nope'] })).toEqual([]);
        expect(await names({ service_codes: [] })).toHaveLength(5);
      });

      it('filters by public status, mapping extended statuses', async () => {
        expect(await names({ statuses: ['open'] })).toEqual(['nowhere', 'north100', 'centre']);
        expect(await names({ statuses: ['closed'] })).toEqual(['far', 'east300']);
        expect(await names({ statuses: ['open', 'closed'] })).toHaveLength(5);
        expect(await names({ statuses: [] })).toHaveLength(5);
      });

      it('maps every extended status to its public status', async () => {
        const id = await jurisdiction();
        const entries = Object.entries(EXTENDED_STATUSES) as [ExtendedStatus, 'open' | 'closed'][];
        for (const [status] of entries) {
          const r = await store.createRequest(newRequest(id, { description: status }));
          const changed = await store.changeStatus({ jurisdiction_id: id, request_id: r.id, status, note: null, author: null });
          expect(changed?.status).toBe(status);
        }
        for (const pub of ['open', 'closed'] as const) {
          const expected = entries.filter(([, p]) => p === pub).map(([s]) => s).sort();
          const got = (await store.listRequests(filter(id, { statuses: [pub] }))).map((r) => r.status).sort();
          expect(got).toEqual(expected);
          expect(await store.countRequests({ jurisdiction_id: id, statuses: [pub] })).toBe(expected.length);
        }
      });

      it('filters by requested time, bounds inclusive', async () => {
        expect(await names({ requested_from: T0 + HOUR, requested_to: T0 + 3 * HOUR })).toEqual(['far', 'east300', 'north100']);
        expect(await names({ requested_from: T0 + HOUR + 1, requested_to: T0 + 3 * HOUR - 1 })).toEqual(['east300']);
        expect(await names({ requested_from: T0 + 4 * HOUR })).toEqual(['nowhere']);
        expect(await names({ requested_to: T0 })).toEqual(['centre']);
      });

      it('filters by updated time, bounds inclusive', async () => {
        expect(await names({ updated_from: T0 + 11 * HOUR, updated_to: T0 + 12 * HOUR })).toEqual(['far', 'east300']);
        expect(await names({ updated_from: T0 + 13 * HOUR })).toEqual(['nowhere']);
        expect(await names({ updated_to: T0 })).toEqual(['centre']);
      });

      it('lists and gets the same requests for public answers, without the reporter', async () => {
        const filters: Partial<RequestFilter>[] = [
          {}, { statuses: ['open'], service_codes: ['pothole'] }, { near: { ...centre, radius_m: 350 } },
          { bbox: { min_long: centre.long - 0.01, min_lat: centre.lat - 0.01, max_long: centre.long + 0.01, max_lat: centre.lat + 0.01 } },
          { limit: 2, offset: 1 }, { ids: [byDescription.get('far')!.id, byDescription.get('centre')!.id] },
        ];
        for (const f of filters) {
          const full = await store.listRequests(filter(jid, f));
          const pub = await store.listPublicRequests(filter(jid, f));
          expect(pub).toEqual(full.map(({ reporter: _reporter, ...rest }) => rest));
          for (const r of pub) expect(Object.keys(r)).not.toContain('reporter');
        }
        const one = byDescription.get('centre')!;
        const { reporter: _reporter, ...publicOne } = (await store.getRequest(jid, one.id))!;
        expect(await store.getPublicRequest(jid, one.id)).toEqual(publicOne);
        expect(await store.getPublicRequest(jid, 'junk')).toBeUndefined();
        expect(await store.getPublicRequest(await jurisdiction(), one.id)).toBeUndefined();
      });

      it('combines filters', async () => {
        expect(await names({ statuses: ['open'], requested_from: T0 + HOUR, service_codes: ['pothole'] })).toEqual(['nowhere', 'north100']);
      });

      it('ignores every other filter when ids are given', async () => {
        const centreId = byDescription.get('centre')!.id;
        const farId = byDescription.get('far')!.id;
        const list = await names({
          ids: [centreId, farId, 'junk', '0', farId],
          statuses: ['open'],
          service_codes: ['graffiti'],
          requested_from: T0 + 100 * HOUR,
          near: { lat: 0, long: 0, radius_m: 1 },
        });
        expect(list).toEqual(['far', 'centre']);
        expect(await names({ ids: ['junk'] })).toEqual([]);
        expect(await store.countRequests({ jurisdiction_id: jid, ids: ['junk'] })).toBe(0);
      });

      it('does not return ids of another jurisdiction', async () => {
        const other = await jurisdiction();
        const r = await store.createRequest(newRequest(other));
        expect(await names({ ids: [r.id] })).toEqual([]);
      });

      it('filters by distance (near), excluding requests without coordinates', async () => {
        const near = (radius_m: number) => names({ near: { ...centre, radius_m } });
        expect(await near(50)).toEqual(['centre']);
        expect(await near(150)).toEqual(['north100', 'centre']);
        expect(await near(350)).toEqual(['east300', 'north100', 'centre']);
        expect(await near(2200)).toEqual(['far', 'east300', 'north100', 'centre']);
        expect(await names({ near: { ...centre, radius_m: 150 }, statuses: ['closed'] })).toEqual([]);
      });

      it('filters by bounding box', async () => {
        const bbox = { min_long: centre.long - 0.001, min_lat: centre.lat - 0.001, max_long: east(400), max_lat: north(200) };
        expect(await names({ bbox })).toEqual(['east300', 'north100', 'centre']);
        expect(await names({ bbox: { min_long: 10, min_lat: 10, max_long: 11, max_lat: 11 } })).toEqual([]);
      });

      it('agrees with great-circle distance (property)', async () => {
        const id = await jurisdiction();
        const rnd = fc.sample(fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -0.07, max: 0.07, noNaN: true })), { numRuns: 300, seed: 42 });
        await store.importRequests(rnd.map(([dLat, dLong], i) => imported(id, { description: String(i), lat: centre.lat + dLat, long: centre.long + dLong })));
        const points = rnd.map(([dLat, dLong]) => ({ lat: centre.lat + dLat, long: centre.long + dLong }));
        await fc.assert(
          fc.asyncProperty(
            fc.double({ min: -0.02, max: 0.02, noNaN: true }),
            fc.double({ min: -0.02, max: 0.02, noNaN: true }),
            fc.integer({ min: 10, max: 6000 }),
            async (dLat, dLong, radius_m) => {
              const c = { lat: centre.lat + dLat, long: centre.long + dLong };
              const found = new Set((await store.listRequests(filter(id, { near: { ...c, radius_m } }))).map((r) => r.description));
              points.forEach((p, i) => {
                const d = haversine(c.lat, c.long, p.lat, p.long);
                if (d < radius_m * 0.995) expect(found.has(String(i)), `point ${i} at ${d} m within ${radius_m} m`).toBe(true);
                if (d > radius_m * 1.005) expect(found.has(String(i)), `point ${i} at ${d} m beyond ${radius_m} m`).toBe(false);
              });
            },
          ),
          { numRuns: 40, seed: 7 },
        );
      });

      it('finds exactly the points of a box, across place cells, south of the equator and in boxes of many cells (property)', async () => {
        const id = await jurisdiction();
        const coordinate = fc.double({ min: -1, max: 1, noNaN: true });
        const pts = fc.sample(fc.tuple(coordinate, coordinate), { numRuns: 400, seed: 5 });
        // Newest first is the order of the points: the i-th is i seconds old.
        await store.importRequests(pts.map(([lat, long], i) => imported(id, { description: String(i), lat, long, requested_at: T0 - i * 1000 })));
        await fc.assert(
          fc.asyncProperty(coordinate, coordinate, fc.double({ min: 0.001, max: 1.2, noNaN: true }), fc.integer({ min: 0, max: 30 }), async (lat, long, half, offset) => {
            const bbox = { min_lat: lat - half, max_lat: lat + half, min_long: long - half, max_long: long + half };
            const inside = pts.flatMap(([pLat, pLong], i) =>
              pLat >= bbox.min_lat && pLat <= bbox.max_lat && pLong >= bbox.min_long && pLong <= bbox.max_long ? [String(i)] : []);
            const page = await store.listRequests(filter(id, { bbox, limit: 20, offset, requested_from: T0 - 1000 * 1000, requested_to: T0 }));
            expect(page.map((r) => r.description)).toEqual(inside.slice(offset, offset + 20));
            expect(await store.countRequests({ jurisdiction_id: id, bbox, requested_from: T0 - 1000 * 1000, requested_to: T0 })).toBe(inside.length);
          }),
          { numRuns: 40, seed: 11 },
        );
      });
    });

    describe('counts of shifted windows', () => {
      it('are exact for windows moved at either end, after writes in and out of the window, and per filter', async () => {
        const id = await jurisdiction();
        const times = Array.from({ length: 300 }, (_, i) => T0 - i * 60_000);
        await store.importRequests(times.map((t, i) => imported(id, { requested_at: t, status: i % 3 === 0 ? 'closed' : 'open' })));
        const count = (requested_from: number, requested_to: number, statuses?: ('open' | 'closed')[]) =>
          store.countRequests({ jurisdiction_id: id, requested_from, requested_to, statuses });
        const expected = (from: number, to: number, every = 1) => times.filter((t, i) => t >= from && t <= to && i % every === 0).length;
        const windows: [number, number][] = [
          [T0 - 200 * 60_000, T0], [T0 - 199 * 60_000, T0 - 1], [T0 - 201 * 60_000 + 1, T0 - 10 * 60_000],
          [T0 - 150 * 60_000, T0 - 150 * 60_000], [T0 - 200 * 60_000, T0], [T0 - 260 * 60_000, T0 - 120 * 60_000],
        ];
        for (const [from, to] of windows) expect(await count(from, to), `${from}..${to}`).toBe(expected(from, to));
        for (const [from, to] of windows) expect(await count(from, to, ['closed'])).toBe(expected(from, to, 3));
        // A new request inside the last window: the next count has it.
        await store.importRequests([imported(id, { requested_at: T0 - 130 * 60_000 - 1 })]);
        expect(await count(T0 - 260 * 60_000, T0 - 120 * 60_000)).toBe(expected(T0 - 260 * 60_000, T0 - 120 * 60_000) + 1);
        expect(await count(T0 - 259 * 60_000, T0 - 121 * 60_000)).toBe(expected(T0 - 259 * 60_000, T0 - 121 * 60_000) + 1);
      });
    });

    describe('paging stability', () => {
      it('pages through equal requested_at without duplicates or gaps', async () => {
        const id = await jurisdiction();
        const created: StoredRequest[] = [];
        for (let i = 0; i < 23; i++) {
          created.push(await store.createRequest(newRequest(id, { requested_at: i % 4 === 0 ? T0 + HOUR : T0 })));
        }
        const expected = [...created].sort(newestFirst).map((r) => r.id);
        for (const size of [1, 5, 7, 22, 23, 50]) {
          const seen: string[] = [];
          for (let offset = 0; offset < 30; offset += size) {
            seen.push(...(await store.listRequests(filter(id, { limit: size, offset }))).map((r) => r.id));
          }
          expect(seen).toEqual(expected);
        }
      });

      it('keeps pages consistent for any mix of ties (property)', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 8 }), async (times, size) => {
            const id = await jurisdiction();
            await store.importRequests(times.map((t) => imported(id, { requested_at: T0 + t * 1000 })));
            const all = await store.listRequests(filter(id));
            expect(all).toHaveLength(times.length);
            expect([...all].sort(newestFirst)).toEqual(all);
            const paged: string[] = [];
            for (let offset = 0; offset < times.length; offset += size) {
              paged.push(...(await store.listRequests(filter(id, { limit: size, offset }))).map((r) => r.id));
            }
            expect(paged).toEqual(all.map((r) => r.id));
          }),
          { numRuns: 12, seed: 11 },
        );
      });
    });

    describe('status changes and history', () => {
      it('changes status, note, times and agency in one step with a public event', async () => {
        const id = await jurisdiction();
        const r = await store.createRequest(newRequest(id, { requested_at: T0 }));
        const changed = await store.changeStatus({
          jurisdiction_id: id,
          request_id: r.id,
          status: 'in_progress',
          note: 'Crew assigned',
          author: 'agent-7',
          at: T0 + HOUR,
          agency_responsible: 'Night crew',
          expected_at: T0 + 5 * HOUR,
        });
        expect(changed).toEqual({
          ...r,
          status: 'in_progress',
          status_notes: 'Crew assigned',
          updated_at: T0 + HOUR,
          agency_responsible: 'Night crew',
          expected_at: T0 + 5 * HOUR,
        });
        expect(await store.getRequest(id, r.id)).toEqual(changed);

        // No note: status_notes stays; agency and expected_at untouched when not given.
        const closed = await store.changeStatus({ jurisdiction_id: id, request_id: r.id, status: 'fixed', note: null, author: null, at: T0 + 2 * HOUR, media_url: 'https://example.org/after.jpg' });
        expect(closed).toMatchObject({ status: 'fixed', status_notes: 'Crew assigned', agency_responsible: 'Night crew', expected_at: T0 + 5 * HOUR, updated_at: T0 + 2 * HOUR });
        expect(await store.countRequests({ jurisdiction_id: id, statuses: ['closed'] })).toBe(1);

        // Clearing with explicit nulls.
        const cleared = await store.changeStatus({ jurisdiction_id: id, request_id: r.id, status: 'reopen', note: '', author: null, at: T0 + 3 * HOUR, agency_responsible: null, expected_at: null });
        expect(cleared).toMatchObject({ status: 'reopen', status_notes: '', agency_responsible: null, expected_at: null });

        const events = await store.listEvents(id, r.id);
        expect(events.map((e) => [e.type, e.status, e.description, e.at, e.author, e.media_url, e.public])).toEqual([
          ['submitted', 'open', '', T0, null, null, true],
          ['status_change', 'in_progress', 'Crew assigned', T0 + HOUR, 'agent-7', null, true],
          ['status_change', 'fixed', '', T0 + 2 * HOUR, null, 'https://example.org/after.jpg', true],
          ['status_change', 'reopen', '', T0 + 3 * HOUR, null, null, true],
        ]);
        expect(new Set(events.map((e) => e.id)).size).toBe(4);
        for (const e of events) expect(e.id).toMatch(/^\S+$/);
        // Ids are stable: the same on every read, in both listings.
        expect((await store.listEvents(id, r.id)).map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect((await store.listEventsFor([r.id])).get(r.id)?.map((e) => e.id)).toEqual(events.map((e) => e.id));
        // Only the status changes are stored; `submitted` is derived from the request.
        expect(await rawCount(db.url, `request_events where request_id = ${r.id}`)).toBe(3);
      });

      it('defaults the change time to now', async () => {
        const id = await jurisdiction();
        const r = await store.createRequest(newRequest(id, { requested_at: T0 }));
        const before = Date.now();
        const changed = await store.changeStatus({ jurisdiction_id: id, request_id: r.id, status: 'closed', note: 'done', author: null });
        expect(changed!.updated_at).toBeGreaterThanOrEqual(before);
        expect(changed!.updated_at).toBeLessThanOrEqual(Date.now());
      });

      it('returns undefined for an unknown request or another jurisdiction, writing nothing', async () => {
        const id = await jurisdiction();
        const r = await store.createRequest(newRequest(id));
        const other = await jurisdiction();
        const change = { status: 'closed' as const, note: 'x', author: null };
        expect(await store.changeStatus({ ...change, jurisdiction_id: other, request_id: r.id })).toBeUndefined();
        expect(await store.changeStatus({ ...change, jurisdiction_id: id, request_id: '987654321' })).toBeUndefined();
        expect(await store.changeStatus({ ...change, jurisdiction_id: id, request_id: 'abc' })).toBeUndefined();
        expect((await store.getRequest(id, r.id))?.status).toBe('open');
        expect(await store.listEvents(id, r.id)).toHaveLength(1);
        expect(await rawCount(db.url, `request_events where jurisdiction_id = '${other}'`)).toBe(0);
      });

      it('keeps internal comments out of public listings', async () => {
        const id = await jurisdiction();
        const r = await store.createRequest(newRequest(id, { requested_at: T0 }));
        const internal = await store.addComment!({ jurisdiction_id: id, request_id: r.id, description: 'call back', public: false, author: 'agent', at: T0 + HOUR });
        expect(internal).toMatchObject({ type: 'comment', status: 'open', public: false, description: 'call back', author: 'agent' });
        expect((await store.getRequest(id, r.id))?.updated_at).toBe(T0);
        await store.addComment!({ jurisdiction_id: id, request_id: r.id, description: 'We are on it', public: true, author: null, at: T0 + 2 * HOUR });
        expect((await store.getRequest(id, r.id))?.updated_at).toBe(T0 + 2 * HOUR);
        expect((await store.listEvents(id, r.id)).map((e) => e.type)).toEqual(['submitted', 'comment']);
        expect((await store.listEvents(id, r.id, { includeInternal: true })).map((e) => e.description)).toEqual(['', 'call back', 'We are on it']);
        expect(await store.addComment!({ jurisdiction_id: id, request_id: '424242424', description: 'x', public: true, author: null })).toBeUndefined();
      });

      it('lists events of several requests at once', async () => {
        const id = await jurisdiction();
        const a = await store.createRequest(newRequest(id, { requested_at: T0 }));
        const b = await store.createRequest(newRequest(id, { requested_at: T0 }));
        await store.changeStatus({ jurisdiction_id: id, request_id: b.id, status: 'closed', note: 'done', author: null, at: T0 + HOUR });
        await store.addComment!({ jurisdiction_id: id, request_id: b.id, description: 'secret', public: false, author: null, at: T0 + 2 * HOUR });
        const map = await store.listEventsFor([a.id, b.id, 'junk', '77777777']);
        expect([...map.keys()]).toEqual([a.id, b.id, 'junk', '77777777']);
        expect(map.get(a.id)?.map((e) => e.type)).toEqual(['submitted']);
        expect(map.get(b.id)?.map((e) => e.type)).toEqual(['submitted', 'status_change']);
        expect(map.get('junk')).toEqual([]);
        const withInternal = await store.listEventsFor([b.id], { includeInternal: true });
        expect(withInternal.get(b.id)?.map((e) => e.description)).toEqual(['', 'done', 'secret']);
        expect((await store.listEventsFor([])).size).toBe(0);
      });

      it('lists public updates in a time range, oldest first', async () => {
        const id = await jurisdiction();
        const a = await store.createRequest(newRequest(id, { requested_at: T0 }));
        const b = await store.createRequest(newRequest(id, { requested_at: T0 + 1 }));
        await store.changeStatus({ jurisdiction_id: id, request_id: b.id, status: 'investigating', note: 'looking', author: null, at: T0 + 3 * HOUR });
        await store.changeStatus({ jurisdiction_id: id, request_id: a.id, status: 'in_progress', note: 'first', author: null, at: T0 + HOUR });
        await store.addComment!({ jurisdiction_id: id, request_id: a.id, description: 'hidden', public: false, author: null, at: T0 + 2 * HOUR });
        await store.addComment!({ jurisdiction_id: id, request_id: a.id, description: 'visible', public: true, author: null, at: T0 + 2 * HOUR });
        await store.changeStatus({ jurisdiction_id: id, request_id: a.id, status: 'fixed', note: 'done', author: null, at: T0 + 5 * HOUR });
        const other = await jurisdiction();
        const o = await store.createRequest(newRequest(other, { requested_at: T0 }));
        await store.changeStatus({ jurisdiction_id: other, request_id: o.id, status: 'closed', note: 'other', author: null, at: T0 + 2 * HOUR });

        const updates = await store.listPublicUpdates(id, T0, T0 + 5 * HOUR, 100);
        expect(updates.map((u) => [u.request_id, u.type, u.status, u.description, u.at])).toEqual([
          [a.id, 'status_change', 'in_progress', 'first', T0 + HOUR],
          [a.id, 'comment', 'in_progress', 'visible', T0 + 2 * HOUR],
          [b.id, 'status_change', 'investigating', 'looking', T0 + 3 * HOUR],
          [a.id, 'status_change', 'fixed', 'done', T0 + 5 * HOUR],
        ]);
        expect((await store.listPublicUpdates(id, T0 + HOUR, T0 + 3 * HOUR, 100)).map((u) => u.description)).toEqual(['first', 'visible', 'looking']);
        expect((await store.listPublicUpdates(id, T0 + HOUR + 1, T0 + 3 * HOUR - 1, 100)).map((u) => u.description)).toEqual(['visible']);
        expect((await store.listPublicUpdates(id, T0, T0 + 5 * HOUR, 2)).map((u) => u.description)).toEqual(['first', 'visible']);
        expect(new Set(updates.map((u) => u.id)).size).toBe(4);
      });
    });

    describe('history of imported requests', () => {
      const eventRows = (events: { type: string; status: string; description: string; at: number }[]) =>
        events.map((e) => [e.type, e.status, e.description, e.at]);

      it('keeps the imported status change, with its place and id, when the request changes later', async () => {
        const id = await jurisdiction();
        await store.importRequests([imported(id, { status: 'closed', status_notes: 'Fixed in 2023', requested_at: T0, updated_at: T0 + HOUR })]);
        const [r] = await store.listRequests(filter(id));
        const before = await store.listEvents(id, r!.id);
        expect(eventRows(before)).toEqual([
          ['submitted', 'open', '', T0],
          ['status_change', 'closed', 'Fixed in 2023', T0 + HOUR],
        ]);
        expect(new Set(before.map((e) => e.id)).size).toBe(2);
        expect(await store.listPublicUpdates(id, T0, T0 + 10 * HOUR, 100)).toEqual([before[1]]);
        expect((await store.listEventsFor([r!.id])).get(r!.id)).toEqual(before);

        // At the same time as the imported change: listed after it, as it happened after it.
        await store.addComment!({ jurisdiction_id: id, request_id: r!.id, description: 'note to self', public: false, author: 'agent', at: T0 + HOUR });
        await store.changeStatus({ jurisdiction_id: id, request_id: r!.id, status: 'reopen', note: 'Back again', author: null, at: T0 + 2 * HOUR });
        const after = await store.listEvents(id, r!.id, { includeInternal: true });
        expect(eventRows(after)).toEqual([
          ['submitted', 'open', '', T0],
          ['status_change', 'closed', 'Fixed in 2023', T0 + HOUR],
          ['comment', 'closed', 'note to self', T0 + HOUR],
          ['status_change', 'reopen', 'Back again', T0 + 2 * HOUR],
        ]);
        expect(after.slice(0, 2)).toEqual(before);
        expect(new Set(after.map((e) => e.id)).size).toBe(4);
        expect((await store.listEventsFor([r!.id], { includeInternal: true })).get(r!.id)).toEqual(after);
        expect((await store.listPublicUpdates(id, T0, T0 + 10 * HOUR, 100)).map((u) => u.id)).toEqual([after[1]!.id, after[3]!.id]);
        expect(await store.getRequest(id, r!.id)).toMatchObject({ status: 'reopen', status_notes: 'Back again', updated_at: T0 + 2 * HOUR });
      });

      it('keeps the imported change at its time when a public comment moves updated_at', async () => {
        const id = await jurisdiction();
        await store.importRequests([imported(id, { status: 'in_progress', status_notes: null, requested_at: T0, updated_at: T0 + HOUR })]);
        const [r] = await store.listRequests(filter(id));
        const before = await store.listEvents(id, r!.id);
        await store.addComment!({ jurisdiction_id: id, request_id: r!.id, description: 'Crew on site', public: true, author: null, at: T0 + 3 * HOUR });
        expect((await store.getRequest(id, r!.id))?.updated_at).toBe(T0 + 3 * HOUR);
        const after = await store.listEvents(id, r!.id);
        expect(eventRows(after)).toEqual([
          ['submitted', 'open', '', T0],
          ['status_change', 'in_progress', '', T0 + HOUR],
          ['comment', 'in_progress', 'Crew on site', T0 + 3 * HOUR],
        ]);
        expect(after.slice(0, 2)).toEqual(before);
        // The updates feed still finds the imported change at its own time, once.
        expect((await store.listPublicUpdates(id, T0 + HOUR, T0 + HOUR, 100)).map((u) => u.id)).toEqual([before[1]!.id]);
        expect((await store.listPublicUpdates(id, T0, T0 + 5 * HOUR, 100)).map((u) => u.description)).toEqual(['', 'Crew on site']);
      });

      it('stores nothing extra for requests imported open or created live', async () => {
        const id = await jurisdiction();
        await store.importRequests([imported(id, { status: 'open', requested_at: T0 })]);
        const live = await store.createRequest(newRequest(id, { requested_at: T0 }));
        const imp = (await store.listRequests(filter(id))).find((x) => x.id !== live.id)!;
        for (const r of [imp, live]) {
          // A change at the very time of the request is listed after its submission.
          await store.changeStatus({ jurisdiction_id: id, request_id: r.id, status: 'closed', note: 'same time', author: null, at: T0 });
          expect(eventRows(await store.listEvents(id, r.id))).toEqual([
            ['submitted', 'open', '', T0],
            ['status_change', 'closed', 'same time', T0],
          ]);
          expect(await rawCount(db.url, `request_events where request_id = ${r.id}`)).toBe(1);
        }
      });

      it('orders derived and stored events of several requests by time', async () => {
        const id = await jurisdiction();
        await store.importRequests([
          imported(id, { status: 'fixed', status_notes: 'a', requested_at: T0, updated_at: T0 + 2 * HOUR }),
          imported(id, { status: 'duplicate', status_notes: 'b', requested_at: T0 + HOUR, updated_at: T0 + HOUR }),
        ]);
        const [b, a] = await store.listRequests(filter(id));
        // A change dated before the imported one: the history is ordered by time.
        await store.changeStatus({ jurisdiction_id: id, request_id: a!.id, status: 'in_progress', note: 'earlier', author: null, at: T0 + HOUR });
        const map = await store.listEventsFor([a!.id, b!.id]);
        expect(eventRows(map.get(a!.id)!)).toEqual([
          ['submitted', 'open', '', T0],
          ['status_change', 'in_progress', 'earlier', T0 + HOUR],
          ['status_change', 'fixed', 'a', T0 + 2 * HOUR],
        ]);
        expect(eventRows(map.get(b!.id)!)).toEqual([
          ['submitted', 'open', '', T0 + HOUR],
          ['status_change', 'duplicate', 'b', T0 + HOUR],
        ]);
        expect((await store.listPublicUpdates(id, T0, T0 + 2 * HOUR, 100)).map((u) => [u.request_id, u.description])).toEqual([
          [b!.id, 'b'],
          [a!.id, 'earlier'],
          [a!.id, 'a'],
        ]);
      });
    });

    describe('API keys and staff tokens', () => {
      it('creates API keys whose secrets are stored only as SHA-256', async () => {
        const { key, secret } = await store.createApiKey({ name: 'Mobile app', rate_limit_per_minute: 120, trusted: true });
        expect(secret).toMatch(/^o311k_[A-Za-z0-9_-]{43}$/);
        expect(key).toMatchObject({ name: 'Mobile app', rate_limit_per_minute: 120, trusted: true, revoked_at: null });
        expect(await store.findApiKey(secret)).toEqual(key);
        expect(await store.findApiKey(secret + 'x')).toBeUndefined();
        expect(await store.findApiKey('')).toBeUndefined();
        expect(await store.listApiKeys()).toContainEqual(key);

        const rows = await rawQuery(db.url, 'select * from api_keys');
        const dump = JSON.stringify(rows);
        expect(dump).not.toContain(secret);
        expect(dump).not.toContain(secret.slice('o311k_'.length));
        expect(rows.find((r) => r.id === key.id)?.secret_hash).toBe(sha256(secret));
      });

      it('revokes API keys', async () => {
        const a = await store.createApiKey({ name: 'a', rate_limit_per_minute: 1, trusted: false });
        const b = await store.createApiKey({ name: 'b', rate_limit_per_minute: 1, trusted: false });
        expect(await store.revokeApiKey(a.key.id)).toBe(true);
        expect(await store.findApiKey(a.secret)).toBeUndefined();
        expect(await store.findApiKey(b.secret)).toEqual(b.key);
        const listed = (await store.listApiKeys()).find((k) => k.id === a.key.id);
        expect(listed?.revoked_at).toEqual(expect.any(Number));
        expect(await store.revokeApiKey(a.key.id)).toBe(true);
        expect((await store.listApiKeys()).find((k) => k.id === a.key.id)?.revoked_at).toBe(listed?.revoked_at);
        expect(await store.revokeApiKey('no-such-key')).toBe(false);
      });

      it('creates, finds and revokes staff tokens, stored only as SHA-256', async () => {
        const { token, secret } = await store.createStaffToken({ name: 'Alice', role: 'agent' });
        expect(secret).toMatch(/^o311s_[A-Za-z0-9_-]{43}$/);
        expect(token).toMatchObject({ name: 'Alice', role: 'agent', revoked_at: null });
        expect(await store.findStaffToken(secret)).toEqual(token);
        expect(await store.findStaffToken(secret.toUpperCase())).toBeUndefined();
        expect(await store.listStaffTokens()).toContainEqual(token);
        const rows = await rawQuery(db.url, 'select * from staff_tokens');
        expect(JSON.stringify(rows)).not.toContain(secret.slice('o311s_'.length));
        expect(rows.find((r) => r.id === token.id)?.secret_hash).toBe(sha256(secret));
        expect(await store.revokeStaffToken(token.id)).toBe(true);
        expect(await store.findStaffToken(secret)).toBeUndefined();
        expect(await store.revokeStaffToken('nope')).toBe(false);
        for (const role of ['admin', 'viewer'] as const) {
          const t = await store.createStaffToken({ name: role, role });
          expect((await store.findStaffToken(t.secret))?.role).toBe(role);
        }
      });

      it('never hands out the same secret twice', async () => {
        const secrets = await Promise.all(Array.from({ length: 20 }, (_, i) => store.createApiKey({ name: `k${i}`, rate_limit_per_minute: 1, trusted: false })));
        expect(new Set(secrets.map((s) => s.secret)).size).toBe(20);
      });
    });

    describe('importRequests', () => {
      const ROWS = 20_000;
      let jid: string;
      let progress: number[];
      let written: number;
      let seconds: number;

      beforeAll(async () => {
        jid = await jurisdiction();
        await store.saveService(service(jid, { service_code: 'light', service_name: 'Street light', service_notice: 'Lights within a week' }));
        const statuses = Object.keys(EXTENDED_STATUSES) as ExtendedStatus[];
        async function* rows(): AsyncGenerator<ImportedRequest> {
          for (let i = 0; i < ROWS; i++) {
            const status = i % 3 === 0 ? statuses[i % statuses.length]! : 'open';
            yield imported(jid, {
              service_code: i % 2 === 0 ? 'light' : 'legacy-code',
              service_name: i % 10 === 1 ? 'Old name' : undefined,
              description: `row ${i}`,
              status,
              status_notes: status === 'open' ? null : `note ${i}`,
              // Five distinct times: thousands of ties, ids spanning 9999 -> 10000.
              requested_at: T0 + (i % 5) * HOUR,
              updated_at: T0 + (i % 5) * HOUR + (status === 'open' ? 0 : 30 * 60_000),
              expected_at: i % 7 === 0 ? T0 + 100 * HOUR : null,
              lat: 41 + (i % 100) / 1000,
              long: -87 - (i % 50) / 1000,
              attributes: i % 4 === 0 ? { DEPTH: 'deep', LIST: ['x', 'y'] } : {},
              reporter: { ...reporter, email: `p${i}@example.org` },
            });
          }
        }
        progress = [];
        const started = performance.now();
        written = await store.importRequests(rows(), (n) => progress.push(n));
        seconds = (performance.now() - started) / 1000;
        console.log(`[${dialect}] imported ${ROWS} rows in ${seconds.toFixed(2)} s: ${Math.round(ROWS / seconds)} rows/s`);
      }, 120_000);

      it('writes every row and reports progress', async () => {
        expect(written).toBe(ROWS);
        expect(await store.countRequests({ jurisdiction_id: jid })).toBe(ROWS);
        expect(progress.at(-1)).toBe(ROWS);
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
      });

      it('is fast (sanity bound, far below the target)', () => {
        expect(ROWS / seconds).toBeGreaterThan(5_000);
      });

      it('maps statuses, names and fields of imported rows', async () => {
        const all = await store.listRequests(filter(jid, { requested_from: T0 + 3 * HOUR, requested_to: T0 + 3 * HOUR, limit: ROWS }));
        const row3 = all.find((x) => x.description === 'row 3')!;
        expect(row3).toMatchObject({ service_code: 'legacy-code', service_name: 'legacy-code', status: 'in_progress', status_notes: 'note 3', service_notice: null, token: null, media_ids: [] });
        const row1 = (await store.listRequests(filter(jid, { requested_from: T0 + HOUR, requested_to: T0 + HOUR, limit: ROWS }))).find((x) => x.description === 'row 1')!;
        expect(row1.service_name).toBe('Old name');
        const row0 = (await store.listRequests(filter(jid, { requested_to: T0, limit: ROWS }))).find((x) => x.description === 'row 0')!;
        expect(row0).toMatchObject({
          service_name: 'Street light',
          service_notice: 'Lights within a week',
          status: 'open',
          expected_at: T0 + 100 * HOUR,
          lat: 41,
          long: -87,
          attributes: { DEPTH: 'deep', LIST: ['x', 'y'] },
          reporter: { ...reporter, email: 'p0@example.org' },
        });
        const closed = Object.entries(EXTENDED_STATUSES).filter(([, p]) => p === 'closed').map(([s]) => s);
        const closedRows = await store.listRequests(filter(jid, { statuses: ['closed'], limit: ROWS }));
        expect(closedRows.length).toBeGreaterThan(0);
        for (const x of closedRows) expect(closed).toContain(x.status);
        expect(closedRows.length + (await store.countRequests({ jurisdiction_id: jid, statuses: ['open'] }))).toBe(ROWS);
      });

      it('gives each row a submitted event and non-open rows a status_change, without storing either', async () => {
        // Rows i % 5 === 3, of which those with i % 15 === 3 are in_progress.
        const rows = await store.listRequests(filter(jid, { requested_from: T0 + 3 * HOUR, requested_to: T0 + 3 * HOUR, limit: 30 }));
        expect(rows.some((r) => r.status !== 'open')).toBe(true);
        const events = await store.listEventsFor(rows.map((r) => r.id));
        for (const r of rows) {
          const list = events.get(r.id)!;
          expect(list[0]).toMatchObject({ request_id: r.id, type: 'submitted', status: 'open', at: r.requested_at, description: '', public: true, author: null, media_url: null });
          if (r.status === 'open') expect(list).toHaveLength(1);
          else {
            expect(list).toHaveLength(2);
            expect(list[1]).toMatchObject({ request_id: r.id, type: 'status_change', status: r.status, at: r.updated_at, description: r.status_notes, public: true, author: null, media_url: null });
          }
          expect(await store.listEvents(jid, r.id)).toEqual(list);
          expect(await store.listEvents(jid, r.id, { includeInternal: true })).toEqual(list);
        }
        expect(countNonOpen(ROWS)).toBeGreaterThan(0);
        expect(await rawCount(db.url, `request_events where jurisdiction_id = '${jid}'`)).toBe(0);
      });

      it('lists imported status changes in the updates feed by their time', async () => {
        // Rows at T0 + k hours; non-open ones changed 30 minutes later.
        const all = await store.listPublicUpdates(jid, T0, T0 + 5 * HOUR, ROWS);
        expect(all).toHaveLength(countNonOpen(ROWS));
        const times = all.map((u) => u.at);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const at = T0 + 3 * HOUR + 30 * 60_000;
        const window = await store.listPublicUpdates(jid, at, at, ROWS);
        expect(window.length).toBe(countNonOpenWhere(ROWS, (i) => i % 5 === 3));
        expect(window.length).toBeGreaterThan(0);
        for (const u of window) expect(u).toMatchObject({ type: 'status_change', at, public: true, description: expect.stringMatching(/^note /) });
        const ids = window.map((u) => Number(u.request_id));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        const limited = await store.listPublicUpdates(jid, T0, T0 + 5 * HOUR, 7);
        expect(limited).toEqual(all.slice(0, 7));
      });

      it('orders ties by numeric id across page boundaries (ids span 9999 -> 10000)', async () => {
        const ids: number[] = [];
        const seen: StoredRequest[] = [];
        for (let offset = 0; offset < ROWS; offset += 3000) {
          const page = await store.listRequests(filter(jid, { limit: 3000, offset }));
          seen.push(...page);
        }
        for (const r of seen) ids.push(Number(r.id));
        expect(new Set(ids).size).toBe(ROWS);
        expect(Math.min(...ids)).toBeLessThan(10_000);
        expect(Math.max(...ids)).toBeGreaterThanOrEqual(10_000);
        for (let i = 1; i < seen.length; i++) expect(newestFirst(seen[i - 1]!, seen[i]!)).toBeLessThan(0);
      });

      it('filters dense areas (more than 10,000 requests in the box) correctly', async () => {
        const all = await store.listRequests(filter(jid, { limit: ROWS }));
        const box = { min_lat: 40.9, max_lat: 41.2, min_long: -87.1, max_long: -86.9 };
        expect(await store.countRequests({ jurisdiction_id: jid, bbox: box })).toBe(ROWS);
        expect(await store.listRequests(filter(jid, { bbox: box, limit: 300, offset: 700 }))).toEqual(all.slice(700, 1000));

        const centre = { lat: 41.05, long: -87.025 };
        const distance = (r: StoredRequest) => haversine(centre.lat, centre.long, r.lat!, r.long!);
        let radius_m = 4000; // grow until no point sits on the rim, where approximations may differ
        while (all.some((r) => Math.abs(distance(r) - radius_m) < radius_m * 0.005)) radius_m += 37;
        const inside = all.filter((r) => distance(r) < radius_m);
        expect(inside.length).toBeGreaterThan(10_000);
        expect(inside.length).toBeLessThan(ROWS);
        const near = { ...centre, radius_m };
        expect(await store.countRequests({ jurisdiction_id: jid, near })).toBe(inside.length);
        expect(await store.listRequests(filter(jid, { near, limit: 500, offset: 1000 }))).toEqual(inside.slice(1000, 1500));
        expect(await store.listRequests(filter(jid, { near, statuses: ['closed'], limit: 200 }))).toEqual(
          inside.filter((r) => EXTENDED_STATUSES[r.status] === 'closed').slice(0, 200),
        );
      });

      it('accepts a plain iterable and an empty input', async () => {
        const id = await jurisdiction();
        expect(await store.importRequests([imported(id), imported(id, { status: 'closed', status_notes: 'old' })])).toBe(2);
        const tricky = ['NULL', '', '{a,"b"}\\ \t\n', 'Größe 🚧 東京 עברית', "it's"];
        expect(await store.importRequests(tricky.map((t, i) => imported(id, {
          description: t, address: t, status_notes: t, requested_at: T0 - 1000 - i,
          attributes: { [t]: [t] }, reporter: { ...reporter, first_name: t },
        })))).toBe(tricky.length);
        const back = await store.listRequests(filter(id, { requested_to: T0 - 1, limit: 10 }));
        expect(back.map((r) => [r.description, r.address, r.status_notes, r.attributes, r.reporter.first_name])).toEqual(
          tricky.map((t) => [t, t, t, { [t]: [t] }, t]),
        );
        expect(await store.importRequests([])).toBe(0);
        const [closed] = await store.listRequests(filter(id, { statuses: ['closed'], requested_from: T0 }));
        expect((await store.listEvents(id, closed!.id)).map((e) => [e.type, e.description, e.at])).toEqual([
          ['submitted', '', T0],
          ['status_change', 'old', T0],
        ]);
      });

      it('rejects unknown statuses and unknown jurisdictions', async () => {
        const id = await jurisdiction();
        await expect(store.importRequests([imported(id, { status: 'bogus' as ExtendedStatus })])).rejects.toThrow(/unknown request status "bogus"/);
        await expect(store.importRequests([imported(uid('missing'))])).rejects.toThrow();
        expect(await store.countRequests({ jurisdiction_id: id })).toBe(0);
      });
    });

    describe('indexes', () => {
      it('migrate() creates again an index that a crashed import left dropped', async () => {
        const fresh = await freshUrl(dialect);
        try {
          const first = await openStore(fresh.url);
          await first.migrate();
          await first.close();
          expect(await storeIndexes(fresh.url)).toEqual(ALL_INDEXES);
          // What a process killed in the middle of a large import leaves behind.
          await rawExec(fresh.url, 'drop index requests_by_cell');
          await rawExec(fresh.url, 'drop index requests_by_time');
          expect(await storeIndexes(fresh.url)).toEqual(ALL_INDEXES.filter((n) => n !== 'requests_by_cell' && n !== 'requests_by_time'));
          const reopened = await openStore(fresh.url);
          try {
            await reopened.migrate();
            expect(await storeIndexes(fresh.url)).toEqual(ALL_INDEXES);
          } finally {
            await reopened.close();
          }
        } finally {
          await fresh.cleanup();
        }
      });

      it('a large import into a small database loads without the secondary indexes and builds them at the end', async () => {
        const fresh = await freshUrl(dialect);
        const big = await openStore(fresh.url);
        try {
          await big.migrate();
          const id = 'big';
          await big.saveJurisdiction({ id, name: 'Big', contact: '', key_service: '', timezone: 'UTC' });
          await big.saveService(service(id));
          const N = 60_000;
          const rows = (from: number, n: number) =>
            Array.from({ length: n }, (_, i) => imported(id, {
              description: String(from + i),
              status: i % 4 === 0 ? 'closed' : 'open',
              requested_at: T0 + (from + i) * 1000,
              updated_at: T0 + (from + i) * 1000,
              lat: 41 + (i % 1000) / 10_000,
              long: -87 - (i % 777) / 10_000,
            }));
          const during: Promise<string[]>[] = [];
          expect(await big.importRequests(rows(0, N), () => void during.push(storeIndexes(fresh.url)))).toBe(N);
          const seen = await Promise.all(during);
          expect(seen.length).toBeGreaterThan(1);
          expect(seen[0]).toEqual(KEPT_INDEXES);
          expect(await storeIndexes(fresh.url)).toEqual(ALL_INDEXES);
          const newest = await big.listRequests({ jurisdiction_id: id, limit: 3, offset: 0 });
          expect(newest.map((r) => r.description)).toEqual([String(N - 1), String(N - 2), String(N - 3)]);
          expect(await big.countRequests({ jurisdiction_id: id, statuses: ['closed'] })).toBe(N / 4);

          // The database is no longer small: the next large import keeps its indexes.
          during.length = 0;
          expect(await big.importRequests(rows(N, N), () => void during.push(storeIndexes(fresh.url)))).toBe(N);
          for (const names of await Promise.all(during)) expect(names).toEqual(ALL_INDEXES);
          expect(await big.countRequests({ jurisdiction_id: id })).toBe(2 * N);
          expect((await big.listRequests({ jurisdiction_id: id, limit: 1, offset: 0 }))[0]?.description).toBe(String(2 * N - 1));
        } finally {
          await big.close();
          await fresh.cleanup();
        }
      }, 120_000);
      it('keeps every field of imported rows, in small and large imports alike', async () => {
        const fresh = await freshUrl(dialect);
        const big = await openStore(fresh.url);
        try {
          await big.migrate();
          const id = 'fields';
          await big.saveJurisdiction({ id, name: 'F', contact: '', key_service: '', timezone: 'UTC' });
          await big.saveService(service(id, { service_notice: 'Notice', service_name: 'Pothole' }));
          const text = 'Größe 🚧 東京 \'q\' "dq" \\ \t\n, NULL';
          const full = (i: number): ImportedRequest => ({
            jurisdiction_id: id,
            service_code: 'pothole',
            service_name: i % 2 === 0 ? `Name ${i}` : undefined,
            description: `${text} ${i}`,
            address: `Address ${i} ${text}`,
            address_id: `A-${i}`,
            zipcode: `Z${i}`,
            lat: 41 + i / 1e7,
            long: -87 - i / 1e7,
            media_url: `https://example.org/${i}.jpg`,
            attributes: { CODE: `v${i}`, LIST: ['a', text] },
            reporter: { email: `e${i}@x.org`, first_name: `F${i}`, last_name: `L${i}`, phone: `+1 ${i}`, device_id: `d${i}`, account_id: `acc${i}` },
            status: 'in_progress',
            status_notes: `notes ${i} ${text}`,
            requested_at: T0 + i,
            updated_at: T0 + i + 5,
            expected_at: T0 + i + 10,
            agency_responsible: `Agency ${i}`,
            ...(i % 3 === 0 && { channel: 'sms' as const }),
          });
          const expected = (r: ImportedRequest) => ({
            jurisdiction_id: id, service_code: 'pothole', service_name: r.service_name ?? 'Pothole', token: null,
            status: r.status, status_notes: r.status_notes, description: r.description, agency_responsible: r.agency_responsible,
            service_notice: 'Notice', requested_at: r.requested_at, updated_at: r.updated_at, expected_at: r.expected_at,
            address: r.address, address_id: r.address_id, zipcode: r.zipcode, lat: r.lat, long: r.long, media_url: r.media_url,
            attributes: r.attributes, reporter: r.reporter, media_ids: [], channel: r.channel ?? 'api',
          });
          // Small: written on the store's connection.
          const small = [full(0), full(1), { ...full(2), lat: null, long: null, expected_at: null, status_notes: null, agency_responsible: null, address_id: null, media_url: null, zipcode: null }];
          await big.importRequests(small);
          const first = await big.listRequests({ jurisdiction_id: id, limit: 10, offset: 0 });
          expect(first.map(({ id: _id, ...rest }) => rest)).toEqual([...small].reverse().map(expected));
          // Large: written in several batches (by a worker thread for a SQLite file).
          const N = 30_000;
          await big.importRequests(Array.from({ length: N }, (_, i) => full(1000 + i)));
          for (const i of [1000, 1001, 1002, 1000 + N - 1]) {
            const [r] = await big.listRequests({ jurisdiction_id: id, requested_from: T0 + i, requested_to: T0 + i, limit: 1, offset: 0 });
            const { id: _id, ...rest } = r!;
            expect(rest).toEqual(expected(full(i)));
          }
        } finally {
          await big.close();
          await fresh.cleanup();
        }
      }, 120_000);

      it('keeps the batches written before a failing one, and the indexes, when a large import fails', async () => {
        const fresh = await freshUrl(dialect);
        const big = await openStore(fresh.url);
        try {
          await big.migrate();
          await big.saveJurisdiction({ id: 'ok', name: 'OK', contact: '', key_service: '', timezone: 'UTC' });
          await big.saveService(service('ok'));
          // From row 50,000 on, the jurisdiction does not exist: the database refuses the batch.
          const rows = Array.from({ length: 60_000 }, (_, i) => imported(i < 50_000 ? 'ok' : 'missing', { requested_at: T0 + i }));
          await expect(big.importRequests(rows)).rejects.toThrow();
          expect(await big.countRequests({ jurisdiction_id: 'ok' })).toBe(50_000);
          expect(await storeIndexes(fresh.url)).toEqual(ALL_INDEXES);
          // And the store goes on working.
          expect(await big.importRequests(Array.from({ length: 30_000 }, (_, i) => imported('ok', { requested_at: T0 - 1 - i })))).toBe(30_000);
          expect(await big.countRequests({ jurisdiction_id: 'ok' })).toBe(80_000);
          expect((await big.listRequests({ jurisdiction_id: 'ok', limit: 1, offset: 0 }))[0]?.requested_at).toBe(T0 + 49_999);
        } finally {
          await big.close();
          await fresh.cleanup();
        }
      }, 120_000);
    });

    describe('dataVersion', () => {
      it('changes after every kind of write and stays when nothing is written', async () => {
        const id = uid('j');
        let version = await store.dataVersion();
        expect(typeof version).toBe('string');
        const changed = async (what: string): Promise<void> => {
          const next = await store.dataVersion();
          expect(next, what).not.toBe(version);
          version = next;
        };
        await store.saveJurisdiction({ id, name: 'V', contact: '', key_service: '', timezone: 'UTC' });
        await changed('saveJurisdiction');
        await store.saveService(service(id));
        await changed('saveService');
        const r = await store.createRequest(newRequest(id, { requested_at: T0 }));
        await changed('createRequest');
        await store.changeStatus({ jurisdiction_id: id, request_id: r.id, status: 'in_progress', note: 'x', author: null, at: T0 + HOUR });
        await changed('changeStatus');
        await store.addComment!({ jurisdiction_id: id, request_id: r.id, description: 'c', public: true, author: null, at: T0 + 2 * HOUR });
        await changed('addComment');
        await store.importRequests([imported(id, { status: 'closed', status_notes: 'old' })]);
        await changed('importRequests');

        // Reads only: the version stays.
        await store.listRequests(filter(id));
        await store.countRequests({ jurisdiction_id: id });
        await store.getRequest(id, r.id);
        await store.listEvents(id, r.id, { includeInternal: true });
        await store.listEventsFor([r.id]);
        await store.listPublicUpdates(id, T0, T0 + 10 * HOUR, 10);
        await store.listServices(id);
        await store.getService(id, 'pothole');
        await store.servicesChangedAt(id);
        await store.listJurisdictions();
        await store.getJurisdiction(id);
        expect(await store.dataVersion()).toBe(version);
        expect(await store.dataVersion()).toBe(version);

        await store.deleteService(id, 'pothole');
        await changed('deleteService');
        await store.saveJurisdiction({ id, name: 'V2', contact: '', key_service: '', timezone: 'UTC' });
        await changed('saveJurisdiction (update)');
        expect(await store.dataVersion()).toBe(version);
      });

      it('changes when another store instance writes to the same database', async () => {
        const other = await openStore(db.url);
        try {
          const id = uid('j');
          let mine = await store.dataVersion();
          await other.saveJurisdiction({ id, name: 'Other', contact: '', key_service: '', timezone: 'UTC' });
          expect(await store.dataVersion()).not.toBe(mine);
          await other.saveService(service(id));
          mine = await store.dataVersion();
          await other.importRequests([imported(id)]);
          expect(await store.dataVersion()).not.toBe(mine);
          mine = await store.dataVersion();
          expect(await store.dataVersion()).toBe(mine);

          const theirs = await other.dataVersion();
          await store.createRequest(newRequest(id));
          expect(await other.dataVersion()).not.toBe(theirs);
        } finally {
          await other.close();
        }
      });
    });
  });
}

/** Rows i with i % 3 === 0 whose cycled extended status is not 'open' (as generated above). */
function countNonOpen(rows: number): number {
  return countNonOpenWhere(rows, () => true);
}

function countNonOpenWhere(rows: number, where: (i: number) => boolean): number {
  const statuses = Object.keys(EXTENDED_STATUSES);
  let n = 0;
  for (let i = 0; i < rows; i += 3) if (statuses[i % statuses.length] !== 'open' && where(i)) n++;
  return n;
}
