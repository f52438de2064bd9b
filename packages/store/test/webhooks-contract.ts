/**
 * The contract suite of request webhooks (webhooks.ts, issue 13): the same
 * behaviour on SQLite and PostgreSQL, run by sqlite.test.ts and postgres.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewWebhookDelivery, NewWebhookSubscriber, PausePolicy, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { HOUR, T0, uid, withFreshStore } from './fixtures.js';

const POLICY: PausePolicy = { failures: 3, failingForMs: 24 * HOUR };

const attempt = (at: number, http_status: number | null = 500, excerpt = 'oops') => ({
  at, http_status, error: http_status === null ? 'timeout' : null, latency_ms: 12.4, excerpt,
});

/** A fresh store for the enclosing describe, with makers of subscribers and deliveries. */
function webhookFixtures(dialect: TestDialect) {
  let store: Store;
  withFreshStore(dialect, (opened) => ({ store } = opened));
  const w = () => store.webhooks;
  const jurisdiction = async () => {
    const id = uid('j');
    await store.saveJurisdiction({ id, name: id, contact: '', key_service: '', timezone: 'UTC' });
    return id;
  };
  const subscriber = async (over: Partial<NewWebhookSubscriber> = {}) =>
    w().createSubscriber({
      id: randomUUID(), jurisdiction_id: over.jurisdiction_id ?? (await jurisdiction()), name: 'Ops', url: 'https://hooks.example/a',
      events: ['closed', 'created'], secret_sealed: 'sealed', owner_email: 'ops@hooks.example', created_by: 'admin:1', ...over,
    }, T0);
  const delivery = (subscriber_id: string, change_id: number | null, over: Partial<NewWebhookDelivery> = {}): NewWebhookDelivery => ({
    id: randomUUID(), subscriber_id, change_id, event: 'request.created', body: `{"change":${change_id}}`, replay_of: null, ...over,
  });
  return { w, subscriber, delivery };
}

export function runWebhooksContract(dialect: TestDialect): void {
  describe(`Webhooks contract: ${dialect}`, () => {
    const { w, subscriber, delivery } = webhookFixtures(dialect);

    it('creates, reads, lists by jurisdiction and state, updates and deletes a subscriber', async () => {
      const a = await subscriber();
      expect(a).toMatchObject({ state: 'active', events: ['created', 'closed'], consecutive_failures: 0, failing_since: null, created_at: T0 });
      expect(await w().getSubscriber(a.id)).toEqual(a);
      expect(await w().getSubscriber('nope')).toBeUndefined();
      const b = await subscriber({ name: 'Other' });
      expect((await w().listSubscribers({ jurisdictions: [a.jurisdiction_id], limit: 10 })).map((s) => s.id)).toEqual([a.id]);
      expect((await w().listSubscribers({ jurisdictions: [], limit: 10 }))).toEqual([]);
      const all = (await w().listSubscribers({ jurisdictions: null, limit: 1000 })).map((s) => s.id);
      expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
      const changed = await w().updateSubscriber(a.id, { name: 'Renamed', events: ['updated', 'created', 'updated'], url: 'https://x.example/' }, T0 + 5);
      expect(changed).toMatchObject({ name: 'Renamed', events: ['created', 'updated'], url: 'https://x.example/', updated_at: T0 + 5 });
      expect(await w().updateSubscriber('nope', { name: 'x' }, T0)).toBeUndefined();
      await w().addDeliveries([delivery(a.id, 1)], T0);
      expect(await w().deleteSubscriber(a.id)).toBe(true);
      expect(await w().deleteSubscriber(a.id)).toBe(false);
      expect(await w().getSubscriber(a.id)).toBeUndefined();
      expect(await w().listDeliveries(a.id, { limit: 10 })).toEqual([]);
    });

    it('inserts one delivery per subscriber and change, however often dispatch runs', async () => {
      const s = await subscriber();
      const first = await w().addDeliveries([delivery(s.id, 7), delivery(s.id, 8), delivery(s.id, null, { event: 'ping' })], T0);
      expect(first).toHaveLength(3);
      const again = await w().addDeliveries([delivery(s.id, 7), delivery(s.id, 9), delivery(s.id, null, { event: 'ping' })], T0 + 1);
      expect(again.map((d) => d.change_id)).toEqual([9, null]);
      expect(await w().getDelivery(first[0]!.id)).toMatchObject({ state: 'pending', attempts: 0, change_id: 7, body: '{"change":7}' });
      expect(await w().listDeliveries(s.id, { limit: 100 })).toHaveLength(5);
    });

    it('logs attempts, delivers once, and resets the failure count on success', async () => {
      const s = await subscriber();
      const [d] = await w().addDeliveries([delivery(s.id, 1)], T0);
      const r1 = await w().recordAttempt(d!.id, attempt(T0 + 1), 'retry', POLICY);
      expect(r1).toMatchObject({ paused: false, delivery: { state: 'pending', attempts: 1 }, subscriber: { consecutive_failures: 0, failing_since: T0 + 1 } });
      await w().recordAttempt(d!.id, attempt(T0 + 2, null, ''), 'retry', POLICY);
      const r3 = await w().recordAttempt(d!.id, attempt(T0 + 3, 200, 'ok\u0000'), 'delivered', POLICY);
      expect(r3).toMatchObject({ delivery: { state: 'delivered', attempts: 3, delivered_at: T0 + 3 }, subscriber: { consecutive_failures: 0, failing_since: null } });
      expect(await w().recordAttempt(d!.id, attempt(T0 + 4), 'retry', POLICY)).toBeUndefined();
      const [logged] = await w().listDeliveries(s.id, { limit: 10 });
      expect(logged!.attempt_log).toEqual([
        { at: T0 + 1, http_status: 500, error: null, latency_ms: 12, excerpt: 'oops' },
        { at: T0 + 2, http_status: null, error: 'timeout', latency_ms: 12, excerpt: '' },
        { at: T0 + 3, http_status: 200, error: null, latency_ms: 12, excerpt: 'ok\uFFFD' },
      ]);
      expect((await w().lastDeliveries([s.id])).get(s.id)?.id).toBe(d!.id);
    });

    it('pauses after the policy\'s failed deliveries in a row, once; resume clears the counts', async () => {
      const s = await subscriber();
      const ds = await w().addDeliveries([1, 2, 3, 4].map((n) => delivery(s.id, n)), T0);
      const outcomes = [];
      for (const d of ds.slice(0, 3)) outcomes.push(await w().recordAttempt(d.id, attempt(T0 + 10), 'dead', POLICY));
      expect(outcomes.map((o) => o?.paused)).toEqual([false, false, true]);
      expect(outcomes[2]!.subscriber).toMatchObject({ state: 'paused', paused_at: T0 + 10, consecutive_failures: 3 });
      // The fourth stays pending while paused: neither the sweep nor anyone sees it.
      expect(await w().pendingDeliveries({ before: T0 + 100, limit: 10, subscriber_id: s.id })).toEqual([]);
      expect(await w().pause(s.id, 'again', T0 + 11)).toBe(false);
      expect(await w().resume(s.id, T0 + 12)).toBe(true);
      expect(await w().resume(s.id, T0 + 12)).toBe(false);
      expect(await w().getSubscriber(s.id)).toMatchObject({ state: 'active', consecutive_failures: 0, failing_since: null, paused_at: null });
      expect((await w().pendingDeliveries({ before: T0 + 100, limit: 10, subscriber_id: s.id })).map((d) => d.id)).toEqual([ds[3]!.id]);
      expect(await w().pendingDeliveries({ before: T0, limit: 10, subscriber_id: s.id })).toEqual([]);
    });

    it('pauses a subscriber failing for longer than the policy allows, with one failure only', async () => {
      const s = await subscriber();
      const [a, b] = await w().addDeliveries([delivery(s.id, 1), delivery(s.id, 2)], T0);
      expect((await w().recordAttempt(a!.id, attempt(T0), 'retry', POLICY))?.paused).toBe(false);
      expect((await w().recordAttempt(b!.id, attempt(T0 + 25 * HOUR), 'retry', POLICY))?.paused).toBe(true);
      expect(await w().pause(s.id, 'x', T0)).toBe(false);
    });

    it('ends a delivery failed for good and counts it', async () => {
      const s = await subscriber();
      const [d] = await w().addDeliveries([delivery(s.id, 1)], T0);
      const r = await w().recordAttempt(d!.id, attempt(T0 + 1, 410, 'x'.repeat(2000)), 'failed', POLICY);
      expect(r).toMatchObject({ delivery: { state: 'failed', attempts: 1 }, subscriber: { consecutive_failures: 1 } });
      const [logged] = await w().listDeliveries(s.id, { limit: 1 });
      expect(logged!.attempt_log[0]!.excerpt).toHaveLength(500);
    });
  });

  // Its own database: pruning reaches every subscriber's deliveries.
  describe(`Webhooks contract, history: ${dialect}`, () => {
    const { w, subscriber, delivery } = webhookFixtures(dialect);

    it('prunes finished deliveries and their attempts past the age, keeping pending ones and each subscriber\'s newest', async () => {
      const busy = await subscriber();
      const quiet = await subscriber();
      const other = await subscriber();
      const DAY = 24 * HOUR;
      const before = T0 + 30 * DAY;
      // busy: 6 old finished (one of each kind, then more), 1 old pending, 2 new; keep 4 => the 2 new + the 2 newest old stay.
      const outcomes = ['delivered', 'failed', 'dead', 'delivered', 'delivered', 'dead'] as const;
      const old: string[] = [];
      for (const [i, outcome] of outcomes.entries()) {
        const [d] = await w().addDeliveries([delivery(busy.id, 100 + i)], T0 + i * HOUR);
        await w().recordAttempt(d!.id, attempt(T0 + i * HOUR + 1, outcome === 'delivered' ? 200 : 500), outcome, POLICY);
        old.push(d!.id);
      }
      const [pending] = await w().addDeliveries([delivery(busy.id, 99)], T0 - DAY);
      await w().recordAttempt(pending!.id, attempt(T0 - DAY + 1), 'retry', POLICY);
      const fresh = await w().addDeliveries([delivery(busy.id, 200), delivery(busy.id, 201)], before + DAY);
      for (const d of fresh) await w().recordAttempt(d.id, attempt(before + DAY + 1, 200), 'delivered', POLICY);
      // quiet: 3 old finished, fewer than `keep`: all stay.
      for (const n of [1, 2, 3]) {
        const [d] = await w().addDeliveries([delivery(quiet.id, n)], T0);
        await w().recordAttempt(d!.id, attempt(T0 + 1, 200), 'delivered', POLICY);
      }
      // other: 5 old delivered at the same instant: the newest 4 by id stay.
      const same = await w().addDeliveries([1, 2, 3, 4, 5].map((n) => delivery(other.id, n)), T0);
      for (const d of same) await w().recordAttempt(d.id, attempt(T0 + 1, 200), 'delivered', POLICY);

      expect(await w().pruneDeliveries({ before, keep: 4 })).toBe(4 + 1);
      const left = (await w().listDeliveries(busy.id, { limit: 100 })).map((d) => d.id);
      expect(new Set(left)).toEqual(new Set([...fresh.map((d) => d.id), old[5], old[4], pending!.id]));
      for (const id of old.slice(0, 4)) expect(await w().getDelivery(id)).toBeUndefined();
      const kept = await w().listDeliveries(busy.id, { limit: 100 });
      expect(kept.every((d) => d.attempt_log.length === 1)).toBe(true);
      expect(await w().listDeliveries(quiet.id, { limit: 100 })).toHaveLength(3);
      const otherLeft = (await w().listDeliveries(other.id, { limit: 100 })).map((d) => d.id).sort();
      expect(otherLeft).toEqual(same.map((d) => d.id).sort().slice(1));
      expect(await w().pruneDeliveries({ before, keep: 4 })).toBe(0);
      // keep 0: every finished one past the age goes, pending stays.
      expect(await w().pruneDeliveries({ before, keep: 0 })).toBe(2 + 3 + 4);
      expect((await w().listDeliveries(busy.id, { limit: 100 })).map((d) => d.id).sort()).toEqual([...fresh.map((d) => d.id), pending!.id].sort());
    });
  });
}
