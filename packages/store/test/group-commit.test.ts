/** SQLite group commit: writes of one event-loop turn share a transaction, failures stay alone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type NewFederatedRequest, type NewRequest, type Store } from '@o311/store';
import { freshUrl, type FreshDatabase } from '../../../test-support/databases.js';

describe('concurrent createRequest on SQLite', () => {
  let db: FreshDatabase;
  let store: Store;
  const request = (service_code: string, n: number): NewRequest => ({
    jurisdiction_id: 'gc.example', service_code, with_token: false, description: `#${n}`, address: null, address_id: null,
    zipcode: null, lat: 1, long: 2, media_url: null, attributes: {}, media: [], api_key_id: null, channel: 'api',
    reporter: { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null },
  });

  beforeAll(async () => {
    db = await freshUrl('sqlite');
    store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction({ id: 'gc.example', name: 'GC', contact: 'c', key_service: 'k', timezone: 'UTC' });
    await store.saveService({
      jurisdiction_id: 'gc.example', service_code: 'ok', service_name: 'OK', description: null, type: 'realtime',
      keywords: null, group: null, active: true, agency_responsible: null, service_notice: null, sla_hours: null,
      attributes: [], translations: {},
    });
  });
  afterAll(async () => {
    await store.close();
    await db.cleanup();
  });

  it('commits every write of a burst, with distinct ids, and fails only the bad one', async () => {
    const before = await store.dataVersion();
    const burst = Array.from({ length: 50 }, (_, n) => store.createRequest(request(n === 25 ? 'missing' : 'ok', n)));
    const settled = await Promise.allSettled(burst);
    const failed = settled.filter((s) => s.status === 'rejected');
    const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.id] : []));
    expect(failed).toHaveLength(1);
    expect(new Set(ids).size).toBe(49);
    expect(await store.dataVersion()).not.toBe(before);
    const stored = await store.listRequests({ jurisdiction_id: 'gc.example', ids, limit: 100, offset: 0 });
    expect(stored.map((r) => r.description).sort()).toEqual(
      Array.from({ length: 50 }, (_, n) => `#${n}`).filter((d) => d !== '#25').sort(),
    );
  });

  it('writes the federated outbox (routed POSTs, delivery states) through the shared commit', async () => {
    const routed = (n: number): NewFederatedRequest => ({
      endpoint_slug: 'polk-county', service_code: 'ROADKILL', account_id: null, api_key_id: null,
      fields: { lat: 1, long: 2, address_string: null, address_id: null, zipcode: null, description: `routed #${n}`, media_url: null, attributes: {} },
      contact: { email: null, first_name: null, last_name: null, phone: null, device_id: null },
    });
    // On SQLite the version counts this connection's commits after the file's own counter: "file.commits".
    const commits = async () => Number((await store.dataVersion()).split('.')[1]);
    const before = await commits();
    const federated = await Promise.all(Array.from({ length: 20 }, (_, n) => store.federation.create(routed(n), 1000 + n)));
    expect(await commits()).toBe(before + 1);
    expect(new Set(federated.map((r) => r.id)).size).toBe(20);
    expect(await store.federation.count({ states: ['queued'] })).toBe(20);

    // The delivery's writes join the next shared commit too, each answered on its own.
    const next = await commits();
    const marked = await Promise.all([
      store.federation.markAttempt(federated[0]!.id, 2000),
      store.federation.markDelivered(federated[1]!.id, '42', 2000),
      store.federation.markDelivered(federated[1]!.id, '43', 2000),
    ]);
    expect(marked.map((m) => (typeof m === 'boolean' ? m : m?.attempts))).toEqual([1, true, false]);
    expect(await commits()).toBe(next + 1);
    expect(await store.federation.get(federated[1]!.id)).toMatchObject({ state: 'delivered', upstream_id: '42' });
  });
});
