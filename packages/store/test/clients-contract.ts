/**
 * Contract of migration 0005 (rate limits shared through the database, blackbox
 * receipts, labelled and scoped API keys, sandbox jurisdictions, clearing a
 * jurisdiction's requests), run from sqlite.test.ts and postgres.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, newRequest, service, uid, withFreshStore } from './fixtures.js';

const MINUTE = 60_000;
const T = Date.UTC(2026, 0, 1, 12, 0, 0);

export function runClientsContract(dialect: TestDialect): void {
  describe(`Store contract, clients and sandbox: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));

    describe('rate limits', () => {
      it('counts up to the limit in a window, then says when the window ends', async () => {
        const bucket = uid('key');
        expect(await store.rateLimits.take(bucket, 2, MINUTE, T)).toEqual({ allowed: true });
        expect(await store.rateLimits.take(bucket, 2, MINUTE, T + 1_000)).toEqual({ allowed: true });
        expect(await store.rateLimits.take(bucket, 2, MINUTE, T + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
        expect(await store.rateLimits.take(bucket, 2, MINUTE, T + MINUTE)).toEqual({ allowed: true });
        expect(await store.rateLimits.take(uid('other'), 2, MINUTE, T + 20_000)).toEqual({ allowed: true });
      });

      it('treats a limit of 0 as unlimited', async () => {
        const bucket = uid('free');
        for (let i = 0; i < 5; i++) expect((await store.rateLimits.take(bucket, 0, MINUTE, T)).allowed).toBe(true);
      });

      it('a hit given back is free again, only within its window', async () => {
        const bucket = uid('back');
        await store.rateLimits.take(bucket, 1, MINUTE, T);
        await store.rateLimits.giveBack(bucket, MINUTE, T);
        expect((await store.rateLimits.take(bucket, 1, MINUTE, T + 1)).allowed).toBe(true);
        await store.rateLimits.giveBack(bucket, MINUTE, T - MINUTE); // an older window: nothing to give back
        expect((await store.rateLimits.take(bucket, 1, MINUTE, T + 2)).allowed).toBe(false);
      });

      it('two stores on one database share the count, also when racing', async () => {
        const other = await openStore(db.url);
        try {
          const bucket = uid('shared');
          const decisions = await Promise.all(
            Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? store : other).rateLimits.take(bucket, 10, MINUTE, T)),
          );
          expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
          expect((await other.rateLimits.take(bucket, 10, MINUTE, T + 1)).allowed).toBe(false);
        } finally {
          await other.close();
        }
      });

      it('prunes counters of old windows', async () => {
        const bucket = uid('old');
        await store.rateLimits.take(bucket, 1, MINUTE, T - 10 * MINUTE);
        expect(await store.rateLimits.prune(T - 5 * MINUTE)).toBeGreaterThanOrEqual(1);
        expect((await store.rateLimits.take(bucket, 1, MINUTE, T - 10 * MINUTE)).allowed).toBe(true);
      });
    });

    describe('API keys', () => {
      it('keep their client label, public flag and jurisdiction; defaults are none, false, any', async () => {
        const labelled = await store.createApiKey({
          name: 'FMS', rate_limit_per_minute: 5, trusted: false, client: 'fixmystreet', public: true, jurisdiction_id: 'sandbox',
        });
        expect(labelled.key).toMatchObject({ client: 'fixmystreet', public: true, jurisdiction_id: 'sandbox' });
        expect(await store.findApiKey(labelled.secret)).toMatchObject({ client: 'fixmystreet', public: true, jurisdiction_id: 'sandbox' });
        const plain = await store.createApiKey({ name: 'plain', rate_limit_per_minute: 5, trusted: false });
        expect(await store.findApiKey(plain.secret)).toMatchObject({ client: null, public: false, jurisdiction_id: null });
      });
    });

    describe('posters of a service', () => {
      it('counts requests per API key since a time, most first, leaving out other services and keyless requests', async () => {
        const j = await addJurisdiction(store);
        const a = await store.createApiKey({ name: 'a', rate_limit_per_minute: 0, trusted: false, client: 'fixmystreet' });
        const b = await store.createApiKey({ name: 'b', rate_limit_per_minute: 0, trusted: false });
        const at = Date.now();
        await store.createRequest(newRequest(j, { api_key_id: a.key.id, requested_at: at }));
        await store.createRequest(newRequest(j, { api_key_id: a.key.id, requested_at: at }));
        await store.createRequest(newRequest(j, { api_key_id: b.key.id, requested_at: at }));
        await store.createRequest(newRequest(j, { api_key_id: b.key.id, requested_at: at - 10 * MINUTE }));
        await store.createRequest(newRequest(j, { api_key_id: a.key.id, service_code: 'graffiti', requested_at: at }));
        await store.createRequest(newRequest(j, { requested_at: at }));
        expect(await store.postersOf(j, 'pothole', at - MINUTE)).toEqual([
          { api_key_id: a.key.id, requests: 2 },
          { api_key_id: b.key.id, requests: 1 },
        ]);
      });
    });

    describe('services', () => {
      it('keep the blackbox receipt, `none` by default', async () => {
        const j = await addJurisdiction(store);
        expect((await store.getService(j, 'pothole'))?.blackbox_receipt).toBe('none');
        await store.saveService(service(j, { service_code: 'bb', type: 'blackbox', blackbox_receipt: 'service_request_id' }));
        expect((await store.getService(j, 'bb'))?.blackbox_receipt).toBe('service_request_id');
      });
    });

    describe('sandbox jurisdictions', () => {
      it('are marked; others are not', async () => {
        const id = uid('sandbox');
        const saved = await store.saveJurisdiction({ id, name: 'Sandbox', contact: '', key_service: '', timezone: 'UTC', sandbox: true });
        expect(saved.sandbox).toBe(true);
        expect((await store.getJurisdiction(id))?.sandbox).toBe(true);
        const j = await addJurisdiction(store);
        expect((await store.getJurisdiction(j))?.sandbox).toBeUndefined();
      });

      it('clearRequests empties one jurisdiction, history and followers included, and leaves the others', async () => {
        const a = await addJurisdiction(store);
        const b = await addJurisdiction(store);
        const gone = await store.createRequest(newRequest(a));
        await store.changeStatus({ jurisdiction_id: a, request_id: gone.id, status: 'closed', note: 'done', author: null });
        await store.addFollower({ jurisdiction_id: a, request_id: gone.id, email: 'f@example.org', locale: 'en' });
        const kept = await store.createRequest(newRequest(b));
        const version = await store.dataVersion();
        expect(await store.clearRequests(a)).toBe(1);
        expect(await store.getRequest(a, gone.id)).toBeUndefined();
        expect(await store.listEvents(a, gone.id)).toEqual([]);
        expect(await store.getRequest(b, kept.id)).toBeDefined();
        expect(await store.dataVersion()).not.toBe(version);
      });
    });
  });
}
