/**
 * The contract suite of "me too" supporters (supporters.ts, issue 14): the
 * same behaviour on SQLite and PostgreSQL, run by sqlite.test.ts and postgres.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { T0, addJurisdiction, newRequest, withFreshStore } from './fixtures.js';

export function runSupportersContract(dialect: TestDialect): void {
  describe(`Supporters contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const request = async () => {
      const j = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j));
      return { j, id: r.id };
    };

    it('counts one support per key, and a support once whichever of its keys comes back', async () => {
      const { j, id } = await request();
      expect(await store.supporters.count(j, id)).toBe(0);
      expect(await store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['browser:a'], at: T0 })).toEqual({ ok: true, added: true, count: 1 });
      // The same browser again, now with an e-mail: still one support, and the e-mail joins it.
      expect(await store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['browser:a', 'email:x@example.org'], at: T0 })).toEqual({ ok: true, added: false, count: 1 });
      expect(await store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['email:x@example.org', 'browser:b'], at: T0 })).toEqual({ ok: true, added: false, count: 1 });
      expect(await store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['browser:c'], at: T0 })).toEqual({ ok: true, added: true, count: 2 });
      expect(await store.supporters.count(j, id)).toBe(2);
      expect(await store.supporters.supports(j, id, ['browser:b'])).toBe(true);
      expect(await store.supporters.supports(j, id, ['browser:z'])).toBe(false);
    });

    it('keeps only hashes of the keys', async () => {
      const { j, id } = await request();
      await store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['email:private@example.org'], at: T0 });
      expect(await store.supporters.supports(j, id, ['email:private@example.org'])).toBe(true);
      // Nothing the store lists or counts carries the key itself.
      expect(JSON.stringify([...(await store.supporters.counts(j, [id]))])).not.toContain('private');
    });

    it('refuses an unknown request, or one of another jurisdiction, and counts nothing for them', async () => {
      const { j, id } = await request();
      const other = await addJurisdiction(store);
      expect(await store.supporters.add({ jurisdiction_id: other, request_id: id, keys: ['browser:a'], at: T0 })).toEqual({ ok: false, reason: 'unknown-request' });
      expect(await store.supporters.add({ jurisdiction_id: j, request_id: 'nope', keys: ['browser:a'], at: T0 })).toEqual({ ok: false, reason: 'unknown-request' });
      expect(await store.supporters.count(other, id)).toBe(0);
      expect(await store.supporters.count(j, 'nope')).toBe(0);
    });

    it('counts several requests at once', async () => {
      const { j, id } = await request();
      const second = await store.createRequest(newRequest(j));
      const third = await store.createRequest(newRequest(j));
      for (const key of ['browser:a', 'browser:b']) await store.supporters.add({ jurisdiction_id: j, request_id: id, keys: [key], at: T0 });
      await store.supporters.add({ jurisdiction_id: j, request_id: second.id, keys: ['browser:a'], at: T0 });
      const counts = await store.supporters.counts(j, [id, second.id, third.id, 'x']);
      expect([...counts].sort()).toEqual([[id, 2], [second.id, 1]].sort());
      expect((await store.supporters.counts(j, [])).size).toBe(0);
    });

    it('two supports of the same key at once count once', async () => {
      const { j, id } = await request();
      const both = await Promise.all([1, 2].map(() => store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['browser:same'], at: T0 })));
      expect(both.every((o) => o.ok)).toBe(true);
      expect(await store.supporters.count(j, id)).toBe(1);
    });

    it('bounds the keys', async () => {
      const { j, id } = await request();
      await expect(store.supporters.add({ jurisdiction_id: j, request_id: id, keys: [], at: T0 })).rejects.toThrow(RangeError);
      await expect(store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['a', 'b', 'c', 'd'], at: T0 })).rejects.toThrow(RangeError);
      await expect(store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['x'.repeat(401)], at: T0 })).rejects.toThrow(RangeError);
    });

    it('supporters go with their request', async () => {
      const { j, id } = await request();
      await store.supporters.add({ jurisdiction_id: j, request_id: id, keys: ['browser:a'], at: T0 });
      await store.clearRequests(j);
      expect(await store.supporters.count(j, id)).toBe(0);
    });
  });
}
