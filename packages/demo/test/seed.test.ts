/** Seeding a real store, on SQLite and PostgreSQL. */
import { DATATYPES } from '@o311/georeport';
import { openStore, type Store, type StoredRequest } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { DEMO_JURISDICTION, isSeeded, seedDemoCity } from '../src/index.js';

const NOW = Date.UTC(2026, 2, 1, 18, 0, 0);
const DAY = 86_400_000;
const J = DEMO_JURISDICTION.id;

async function freshStore(dialect: (typeof dialects)[number], dbs: FreshDatabase[], stores: Store[]): Promise<Store> {
  const db = await freshUrl(dialect);
  dbs.push(db);
  const store = await openStore(db.url);
  stores.push(store);
  await store.migrate();
  return store;
}

const fingerprint = (r: StoredRequest) => {
  const { id: _id, token: _token, ...rest } = r;
  return rest;
};

async function allRequests(store: Store): Promise<StoredRequest[]> {
  const out: StoredRequest[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listRequests({ jurisdiction_id: J, limit: 1000, offset });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

describe.each(dialects)('seedDemoCity on %s', (dialect) => {
  const dbs: FreshDatabase[] = [];
  const stores: Store[] = [];
  let store: Store;
  let result: Awaited<ReturnType<typeof seedDemoCity>>;

  beforeAll(async () => {
    store = await freshStore(dialect, dbs, stores);
    expect(await isSeeded(store)).toBe(false);
    const t = performance.now();
    result = await seedDemoCity(store, { now: NOW });
    const seconds = (performance.now() - t) / 1000;
    console.log(`seeded ${result.requests} requests on ${dialect} in ${seconds.toFixed(2)} s`);
  }, 120_000);

  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const db of dbs) await db.cleanup();
  });

  it('creates Riverton with its services and 5000 requests', async () => {
    expect(result).toEqual({ jurisdiction_id: J, services: expect.any(Number), requests: 5000 });
    expect(result.services).toBeGreaterThanOrEqual(10);
    expect(await isSeeded(store)).toBe(true);
    expect(await store.getJurisdiction(J)).toEqual(DEMO_JURISDICTION);
    expect(await store.countRequests({ jurisdiction_id: J })).toBe(5000);
  });

  it('stores services with all six datatypes and their translations', async () => {
    const services = await store.listServices(J);
    expect(services.length).toBe(result.services);
    const types = new Set(services.flatMap((s) => s.attributes.filter((a) => a.variable).map((a) => a.datatype)));
    expect(types).toEqual(new Set(DATATYPES));
    const pothole = services.find((s) => s.service_code === 'POTHOLE');
    expect(pothole?.translations.es?.service_name).toBe('Bache');
    expect(pothole?.translations.fr?.attributes?.SIZE?.values?.large).toBeTruthy();
    expect(pothole?.sla_hours).toBe(72);
  });

  it('spreads requests over a year with realistic, extended statuses', async () => {
    const all = await allRequests(store);
    expect(all).toHaveLength(5000);
    const oldest = Math.min(...all.map((r) => r.requested_at));
    expect(oldest).toBeGreaterThanOrEqual(NOW - 366 * DAY);
    expect(oldest).toBeLessThan(NOW - 350 * DAY);
    const statuses = new Set(all.map((r) => r.status));
    for (const s of ['fixed', 'closed', 'in_progress', 'duplicate', 'no_further_action']) expect(statuses).toContain(s);
    const old = all.filter((r) => r.requested_at < NOW - 180 * DAY);
    expect(old.filter((r) => ['fixed', 'closed', 'duplicate', 'no_further_action', 'not_councils_responsibility'].includes(r.status)).length / old.length)
      .toBeGreaterThan(0.9);
    expect(all.every((r) => r.updated_at >= r.requested_at && r.updated_at <= NOW)).toBe(true);
    expect(all.filter((r) => r.status !== 'open').every((r) => r.status_notes)).toBe(true);
    expect(all.filter((r) => r.media_url).length).toBeGreaterThan(50);
    expect(all.filter((r) => r.service_code === 'GRAFFITI').length).toBeGreaterThan(100);
  });

  it('gives many requests a history of several events', async () => {
    const recent = await store.listRequests({ jurisdiction_id: J, requested_from: NOW - 60 * DAY, requested_to: NOW - 20 * DAY, limit: 400, offset: 0 });
    const events = await store.listEventsFor(recent.map((r) => r.id));
    const lengths = recent.map((r) => events.get(r.id)?.length ?? 0);
    expect(lengths.filter((n) => n >= 3).length).toBeGreaterThan(recent.length / 3);
    const r = recent[lengths.findIndex((n) => n >= 3)] as StoredRequest;
    const history = events.get(r.id) ?? [];
    expect(history[0]?.type).toBe('submitted');
    expect(history.at(-1)?.status).toBe(r.status);
    expect(history.at(-1)?.at).toBe(r.updated_at);
    expect(history.map((e) => e.at)).toEqual([...history.map((e) => e.at)].sort((a, b) => a - b));
  });

  it('refuses to seed twice', async () => {
    await expect(seedDemoCity(store, { now: NOW, requests: 10 })).rejects.toThrow(/already has requests/);
    expect(await store.countRequests({ jurisdiction_id: J })).toBe(5000);
  });

  it('is deterministic: the same seed and `now` give the same city', async () => {
    const a = await freshStore(dialect, dbs, stores);
    const b = await freshStore(dialect, dbs, stores);
    await seedDemoCity(a, { now: NOW, requests: 400, seed: 7 });
    await seedDemoCity(b, { now: NOW, requests: 400, seed: 7 });
    const [ra, rb] = [await allRequests(a), await allRequests(b)];
    expect(ra).toHaveLength(400);
    expect(ra.map(fingerprint)).toEqual(rb.map(fingerprint));
    const services = async (s: Store) => (await s.listServices(J)).map(({ updated_at: _at, ...rest }) => rest);
    expect(await services(a)).toEqual(await services(b));
  }, 60_000);
});
