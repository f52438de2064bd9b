/**
 * The contract suite of developers' key requests (key-requests.ts, issue 14):
 * the same behaviour on SQLite and PostgreSQL, run by key-requests.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { generateSecret, hashSecret, type NewKeyRequest, type Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { HOUR, T0, uid, withFreshStore } from './fixtures.js';

const draft = (over: Partial<NewKeyRequest> = {}): NewKeyRequest => ({
  email: `${uid('dev')}@apps.example`, name: 'Ada', app_name: 'Pothole app', app_url: 'https://apps.example/pothole',
  purpose: 'Report potholes', locale: 'en', terms_digest: 'd1', verify_hash: hashSecret(generateSecret('key_request')),
  verify_expires_at: T0 + HOUR, ...over,
});

export function runKeyRequestsContract(dialect: TestDialect): void {
  describe(`Key requests contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const k = () => store.keyRequests;

    it('records a request, finds it by its link, verifies it once and not after the link expired', async () => {
      const input = draft();
      const made = await k().create(input, T0);
      if (!made.ok) throw new Error('not created');
      const { verify_hash: _, ...shown } = input;
      expect(made.request).toMatchObject({ ...shown, state: 'unverified', created_at: T0, verified_at: null, api_key_id: null });
      expect(await k().get(made.request.id)).toEqual(made.request);
      expect(await k().findByVerification(input.verify_hash)).toEqual(made.request);
      expect(await k().findByVerification('nope')).toBeUndefined();
      expect(await k().verify(made.request.id, T0 + 5)).toMatchObject({ state: 'pending', verified_at: T0 + 5 });
      expect(await k().verify(made.request.id, T0 + 6)).toBeUndefined();

      const late = await k().create(draft(), T0);
      if (!late.ok) throw new Error('not created');
      expect(await k().verify(late.request.id, T0 + HOUR)).toBeUndefined();
      expect((await k().get(late.request.id))?.state).toBe('unverified');
    });

    it('keeps one open request per address; an expired or decided one frees it', async () => {
      const email = `${uid('one')}@apps.example`;
      const first = await k().create(draft({ email }), T0);
      expect(first.ok).toBe(true);
      expect(await k().create(draft({ email }), T0 + 1)).toEqual({ ok: false, reason: 'duplicate' });
      // The first link expired unused: a new request closes it and goes in.
      const second = await k().create(draft({ email, verify_expires_at: T0 + 2 * HOUR }), T0 + HOUR);
      if (!first.ok || !second.ok) throw new Error('not created');
      expect((await k().get(first.request.id))?.state).toBe('expired');
      await k().verify(second.request.id, T0 + HOUR + 1);
      expect(await k().create(draft({ email }), T0 + 3 * HOUR)).toEqual({ ok: false, reason: 'duplicate' });
      expect(await k().decide(second.request.id, { state: 'refused' }, 'staff:1', T0 + 3 * HOUR)).toMatchObject({
        state: 'refused', decided_by: 'staff:1', decided_at: T0 + 3 * HOUR,
      });
      expect(await k().decide(second.request.id, { state: 'refused' }, 'staff:2', T0 + 4 * HOUR)).toBeUndefined();
      expect((await k().create(draft({ email }), T0 + 4 * HOUR)).ok).toBe(true);
    });

    it('issues a key to a pending request only; lists by state; names owners; counts use; limits keys', async () => {
      const made = await k().create(draft({ name: 'Grace', app_name: 'Fixer' }), T0);
      if (!made.ok) throw new Error('not created');
      const { key } = await store.createApiKey({ name: 'Fixer', rate_limit_per_minute: 10, trusted: false });
      expect(await k().decide(made.request.id, { state: 'issued', api_key_id: key.id }, null, T0)).toBeUndefined();
      await k().verify(made.request.id, T0 + 1);
      expect((await k().list({ states: ['pending'], limit: 1000 })).map((r) => r.id)).toContain(made.request.id);
      expect(await k().decide(made.request.id, { state: 'issued', api_key_id: key.id }, null, T0 + 2)).toMatchObject({ state: 'issued', api_key_id: key.id });
      expect((await k().list({ states: ['pending'], limit: 1000 })).map((r) => r.id)).not.toContain(made.request.id);
      expect(await k().list({ states: [], limit: 10 })).toEqual([]);
      expect((await k().list({ limit: 1 })).length).toBe(1);
      expect(await k().keyOwners()).toContainEqual({
        api_key_id: key.id, email: made.request.email, name: 'Grace', app_name: 'Fixer', app_url: 'https://apps.example/pothole',
      });
      expect((await k().keyUsage()).find((u) => u.api_key_id === key.id)).toBeUndefined();

      const j = uid('j');
      await store.saveJurisdiction({ id: j, name: j, contact: '', key_service: '', timezone: 'UTC' });
      expect(await k().limitKey(key.id, { rate_limit_per_minute: 3, jurisdiction_id: j })).toMatchObject({ id: key.id, rate_limit_per_minute: 3, jurisdiction_id: j });
      expect(await k().limitKey('nope', { rate_limit_per_minute: 3, jurisdiction_id: null })).toBeUndefined();
    });

    it('prunes old requests that led to no key, and keeps the issued, the pending and the live ones', async () => {
      const T = T0 + 1000 * HOUR;
      const made = async (expires: number) => {
        const r = await k().create(draft({ verify_expires_at: expires }), T);
        if (!r.ok) throw new Error('not created');
        return r.request.id;
      };
      const lapsed = await made(T + HOUR);
      const live = await made(T + 100 * HOUR);
      const refused = await made(T + HOUR);
      await k().verify(refused, T + 1);
      await k().decide(refused, { state: 'refused' }, 'staff:1', T + 2);
      const pending = await made(T + HOUR);
      await k().verify(pending, T + 1);
      const issued = await made(T + HOUR);
      await k().verify(issued, T + 1);
      const { key } = await store.createApiKey({ name: 'kept', rate_limit_per_minute: 10, trusted: false });
      await k().decide(issued, { state: 'issued', api_key_id: key.id }, null, T + 2);
      // Made at T: not before T (the earlier tests' requests, made before, go).
      await k().prune(T, T + 2 * HOUR);
      for (const id of [lapsed, live, refused, pending, issued]) expect(await k().get(id)).toBeDefined();
      expect(await k().prune(T + 1, T + 2 * HOUR)).toBe(2);
      expect(await k().get(lapsed)).toBeUndefined();
      expect(await k().get(refused)).toBeUndefined();
      for (const id of [live, pending, issued]) expect(await k().get(id)).toBeDefined();
    });
  });
}
