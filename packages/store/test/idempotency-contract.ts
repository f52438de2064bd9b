/**
 * Contract of migration 0013 (Idempotency-Key of new requests), run from
 * sqlite.test.ts and postgres.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { IdempotencyKeyReused, type NewRequest, type Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, newRequest, uid, withFreshStore } from './fixtures.js';

const DAY = 86_400_000;

export function runIdempotencyContract(dialect: TestDialect): void {
  describe(`Store contract, idempotency keys: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));

    const apiKey = async (): Promise<string> =>
      (await store.createApiKey({ name: uid('client'), rate_limit_per_minute: 0, trusted: false })).key.id;

    const count = async (jurisdiction_id: string): Promise<number> =>
      (await store.listRequests({ jurisdiction_id, limit: 1000, offset: 0 })).length;

    /** A request of `j` under `api_key_id`, claiming `key` with `fingerprint`. */
    const once = (j: string, api_key_id: string, key: string, fingerprint = 'f1', over: Partial<NewRequest> = {}): NewRequest =>
      newRequest(j, { api_key_id, idempotency: { key, fingerprint }, ...over });

    const reused = async (p: Promise<unknown>): Promise<unknown> => p.then(() => 'created', (e: unknown) => e);

    it('creates the request once; the same key and fingerprint give it back, writing nothing', async () => {
      const j = await addJurisdiction(store);
      const key = await apiKey();
      const first = await store.createRequest(once(j, key, 'k-1'));
      expect(first.replayed).toBeUndefined();
      const version = await store.dataVersion();
      const again = await store.createRequest(once(j, key, 'k-1', 'f1', { description: 'ignored: the fingerprint decides' }));
      expect(again).toEqual({ ...first, replayed: true });
      expect(await count(j)).toBe(1);
      if (dialect === 'postgres') expect(await store.dataVersion()).toBe(version);
    });

    it('gives a batch request back with its token', async () => {
      const j = await addJurisdiction(store);
      const key = await apiKey();
      const first = await store.createRequest(once(j, key, 'k-batch', 'f', { service_code: 'graffiti', with_token: true }));
      expect(first.token).toMatch(/./);
      const again = await store.createRequest(once(j, key, 'k-batch', 'f', { service_code: 'graffiti', with_token: true }));
      expect([again.id, again.token, again.replayed]).toEqual([first.id, first.token, true]);
    });

    it('refuses the key with another fingerprint, jurisdiction or service, writing nothing', async () => {
      const j = await addJurisdiction(store);
      const other = await addJurisdiction(store);
      const key = await apiKey();
      await store.createRequest(once(j, key, 'k-2', 'f1'));
      expect(await reused(store.createRequest(once(j, key, 'k-2', 'f2')))).toBeInstanceOf(IdempotencyKeyReused);
      expect(await reused(store.createRequest(once(other, key, 'k-2', 'f1')))).toBeInstanceOf(IdempotencyKeyReused);
      const graffiti = once(j, key, 'k-2', 'f1', { service_code: 'graffiti' });
      expect(await reused(store.createRequest(graffiti))).toBeInstanceOf(IdempotencyKeyReused);
      expect([await count(j), await count(other)]).toEqual([1, 0]);
    });

    it('keeps the keys of each API key apart, and leaves requests without a key alone', async () => {
      const j = await addJurisdiction(store);
      const [a, b] = [await apiKey(), await apiKey()];
      const fromA = await store.createRequest(once(j, a, 'shared'));
      const fromB = await store.createRequest(once(j, b, 'shared', 'another payload'));
      expect(fromB.id).not.toBe(fromA.id);
      const plain = newRequest(j, { api_key_id: a });
      const [p1, p2] = [await store.createRequest(plain), await store.createRequest(plain)];
      expect(p1.id).not.toBe(p2.id);
      expect(await count(j)).toBe(4);
    });

    it('needs the API key the idempotency key belongs to', async () => {
      const j = await addJurisdiction(store);
      await expect(store.createRequest(newRequest(j, { idempotency: { key: 'k', fingerprint: 'f' } }))).rejects.toThrow(/api_key_id/);
      expect(await count(j)).toBe(0);
    });

    it('keeps no key of a request that failed: the key is free for the next try', async () => {
      const j = await addJurisdiction(store);
      const key = await apiKey();
      await expect(store.createRequest(once(j, key, 'k-fail', 'f', { service_code: 'no-such-service' }))).rejects.toThrow();
      const created = await store.createRequest(once(j, key, 'k-fail', 'f'));
      expect(created.replayed).toBeUndefined();
      expect(await count(j)).toBe(1);
    });

    it('creates one request for concurrent claims of one key; other writes of the same moment are untouched', async () => {
      const j = await addJurisdiction(store);
      const key = await apiKey();
      const claims = Array.from({ length: 20 }, () => store.createRequest(once(j, key, 'k-race')));
      const mismatch = reused(store.createRequest(once(j, key, 'k-race', 'different')));
      const others = Array.from({ length: 5 }, (_, i) => store.createRequest(once(j, key, `k-other-${i}`)));
      const created = await Promise.all(claims);
      expect(new Set(created.map((r) => r.id)).size).toBe(1);
      expect(created.filter((r) => r.replayed !== true)).toHaveLength(1);
      expect(await mismatch).toBeInstanceOf(IdempotencyKeyReused);
      expect(new Set((await Promise.all(others)).map((r) => r.id)).size).toBe(5);
      expect(await count(j)).toBe(6);
    });

    it('forgets keys claimed before the prune time, and a key with its request', async () => {
      const j = await addJurisdiction(store);
      const key = await apiKey();
      const first = await store.createRequest(once(j, key, 'k-old'));
      expect(await store.idempotencyKeys.prune(Date.now() - DAY)).toBe(0);
      expect((await store.createRequest(once(j, key, 'k-old'))).id).toBe(first.id);
      expect(await store.idempotencyKeys.prune(Date.now() + 1)).toBeGreaterThanOrEqual(1);
      const second = await store.createRequest(once(j, key, 'k-old'));
      expect([second.id === first.id, second.replayed]).toEqual([false, undefined]);

      await store.createRequest(once(j, key, 'k-cleared'));
      await store.clearRequests(j);
      expect((await store.createRequest(once(j, key, 'k-cleared'))).replayed).toBeUndefined();
    });
  });
}
